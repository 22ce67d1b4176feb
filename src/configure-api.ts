import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ErrorFilter } from './common/errors/error.filter.js';
import { corsOptions } from './common/http/cors.js';
import { jsonBodiesOnly } from './common/http/json-only.js';
import { securityHeaders } from './common/http/security-headers.js';
import { corsOrigins, Environment } from './config/environment.js';
import { TextSafetyPipe } from './common/validation/text-safety.pipe.js';
import { createValidationPipe } from './common/validation/validation-pipe.js';

/** Everything the API needs besides its modules; shared by main.ts and the integration tests. */
export function configureApi(app: NestExpressApplication): void {
  const env = app.get(Environment);
  // Behind the TLS proxy the client's address comes from X-Forwarded-For, trusted this many hops deep.
  app.set('trust proxy', env.TRUST_PROXY_HOPS);
  app.disable('x-powered-by');
  // Order matters: headers first, so that every answer (CORS refusals, 413, 415, 404) carries them.
  app.use(securityHeaders);
  const origins = corsOrigins(env);
  if (origins.length > 0) app.enableCors(corsOptions(origins));
  app.use(jsonBodiesOnly);
  app.useBodyParser('json', { limit: `${env.BODY_LIMIT_KB}kb` });
  app.useGlobalPipes(new TextSafetyPipe(), createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Family-tracing matching service')
      .setDescription('Tracing requests, accounts and the survivor-facing status for Restoring Family Links teams.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
