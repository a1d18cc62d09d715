import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config/config';
import { AppModule } from '../app/app.module';

/** Builds the OpenAPI document from the controllers without connecting to anything. */
export async function buildOpenApiDocument() {
  const app = await NestFactory.create(AppModule.forRoot(loadConfig({})), { preview: true, logger: false });
  app.setGlobalPrefix('api', { exclude: ['health', 'ready'] });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Keeper API')
      .setDescription(
        'Owner app API. Mutations accept an `Idempotency-Key` header (same key and body replays the first response; ' +
          'another body is 422; a concurrent duplicate is 409). Session-cookie mutations need `X-CSRF-Token`. ' +
          'Errors share one body: `{ error: { code, message, requestId, fields? } }`.',
      )
      .setVersion('0.1.0')
      .addCookieAuth('keeper_session', { type: 'apiKey', in: 'cookie', name: 'keeper_session' }, 'session')
      .build(),
    { operationIdFactory: (_c, method) => method },
  );
  await app.close();
  return document;
}

if (require.main === module) {
  const out = resolve(__dirname, '../../openapi.json');
  buildOpenApiDocument()
    .then((doc) => {
      writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
      console.log(`Wrote ${out}`);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
