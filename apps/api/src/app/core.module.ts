import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { currentRequestId } from '../common/request-context';
import { createDataSource } from '../db/data-source';
import { Db } from '../db/db';
import { AuditService } from '../modules/audit/audit.service';
import { Mailer } from '../modules/mail/mailer';
import { OutboxService } from '../modules/outbox/outbox.service';

class DbLifecycle implements OnApplicationShutdown {
  constructor(@Inject(Db) private readonly db: Db) {}
  async onApplicationShutdown() {
    if (this.db.dataSource.isInitialized) await this.db.dataSource.destroy();
  }
}

/** Config, database, logging and the small services every module uses. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, processName: 'api' | 'worker'): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            base: { process: processName },
            // Request id from our own first middleware; job ids come through the mixin.
            genReqId: (req: IncomingMessage & { id?: string }) => req.id ?? randomUUID(),
            mixin: () => {
              const requestId = currentRequestId();
              return requestId?.startsWith('job:') ? { jobId: requestId.slice(4) } : {};
            },
            customProps: (req: IncomingMessage & { params?: Record<string, string> }) =>
              req.params?.businessId ? { businessId: req.params.businessId } : {},
            serializers: {
              // Never log bodies, query strings, cookies or tokens: only what identifies the request.
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                path: String(req.url).split('?')[0].replace(/\/invitations\/[^/]+/, '/invitations/:token'),
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
          },
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: Db,
          useFactory: async () => {
            const ds = createDataSource(config.DATABASE_URL, {
              poolSize: config.DATABASE_POOL_SIZE,
              applicationName: `keeper-${processName}`,
            });
            return new Db(await ds.initialize());
          },
        },
        DbLifecycle,
        AuditService,
        OutboxService,
        Mailer,
      ],
      exports: [APP_CONFIG, Db, AuditService, OutboxService, Mailer],
    };
  }
}
