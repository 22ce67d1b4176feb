import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ErrorFilter } from './common/errors/error.filter.js';
import { TextSafetyPipe } from './common/validation/text-safety.pipe.js';
import { createValidationPipe } from './common/validation/validation-pipe.js';

/** Everything the API needs besides its modules; shared by main.ts and the integration tests. */
export function configureApi(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: '256kb' });
  app.disable('x-powered-by');
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
