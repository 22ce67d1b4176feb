import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiModule } from './api.module.js';
import { configureApi } from './configure-api.js';
import { ConfigurationError, loadEnvironment } from './config/environment.js';
import { createPinoLogger, PinoNestLogger } from './common/logging/logger.js';

async function bootstrap(): Promise<void> {
  const env = loadEnvironmentOrExit();
  const logger = createPinoLogger(env.LOG_LEVEL);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(env), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  configureApi(app);
  await app.listen(env.PORT, env.HOST);
  logger.info({ port: env.PORT, host: env.HOST }, 'API listening');
}

function loadEnvironmentOrExit() {
  try {
    const env = loadEnvironment();
    if (!env.TOTP_ENCRYPTION_KEY) throw new ConfigurationError(['TOTP_ENCRYPTION_KEY is required by the API (64 hex characters)']);
    return env;
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

await bootstrap();
