import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigurationError, loadEnvironment } from './config/environment.js';
import { createPinoLogger, PinoNestLogger } from './common/logging/logger.js';
import { WorkerModule } from './worker.module.js';

/** The worker entry point: no public API; /health and /metrics on a loopback port (METRICS_PORT). */
async function bootstrap(): Promise<void> {
  let env;
  try {
    env = loadEnvironment();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createPinoLogger(env.LOG_LEVEL);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), { logger: new PinoNestLogger(logger) });
  // On SIGTERM Nest closes the BullMQ workers, which let the jobs in hand finish first.
  app.enableShutdownHooks();
  logger.info({ metricsPort: env.METRICS_PORT }, 'worker started');
}

await bootstrap();
