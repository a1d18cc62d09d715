import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/config';
import { ErrorFilter } from '../common/error.filter';
import { requestContext } from '../common/request-context';
import { validationPipe } from '../common/validation';
import { AppModule } from './app.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

export const BODY_LIMIT = '1mb';

/** Builds the HTTP app exactly as `main.ts` serves it; tests use the same function. */
export async function createHttpApp(config: AppConfig, opts: { logger?: boolean } = {}) {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  configureHttpApp(app, config);
  return app;
}

export function configureHttpApp(app: NestExpressApplication, config: AppConfig) {
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const given = req.header('x-request-id');
    req.id = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    requestContext.run({ requestId: req.id }, next);
  });
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      crossOriginResourcePolicy: { policy: 'same-origin' },
    }),
  );
  app.use(cookieParser());
  app.use(express.json({ limit: BODY_LIMIT, strict: true }));
  // Body-parser failures happen before Nest routing; answer them in the same error format.
  const filter = new ErrorFilter();
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    filter.catch(err, {
      switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
    } as never);
  });
  app.setGlobalPrefix('api', { exclude: ['health', 'ready'] });
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(filter);
  app.enableShutdownHooks();
}
