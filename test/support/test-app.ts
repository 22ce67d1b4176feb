import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { ApiModule } from '../../src/api.module.js';
import { configureApi } from '../../src/configure-api.js';
import { loadEnvironment } from '../../src/config/environment.js';
import { WorkerModule } from '../../src/worker.module.js';

/**
 * Every test process logs in and writes from one loopback address, far faster than people do, so
 * the rate limits are raised here (not in the defaults); test/integration/hardening/ sets them low.
 */
const RAISED_RATE_LIMITS = {
  RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
  RATE_LIMIT_WRITES_PER_MINUTE: '100000',
  RATE_LIMIT_READS_PER_MINUTE: '100000',
};

/** Settings from the global setup, with per-test overrides (e.g. a Redis of the test's own). */
export function testEnvironment(overrides: Record<string, string> = {}) {
  return loadEnvironment({ ...process.env, LOG_LEVEL: 'silent', OUTBOX_POLL_MS: '200', ...RAISED_RATE_LIMITS, ...overrides });
}

/** The real API module on the real Postgres and Redis, in-process, listening on an ephemeral port. */
export async function startApi(overrides: Record<string, string> = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(testEnvironment(overrides)), {
    logger: false,
    bodyParser: false,
  });
  configureApi(app);
  await app.init();
  return app;
}

export async function startWorker(overrides: Record<string, string> = {}): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(testEnvironment(overrides)), { logger: false });
}

export function dataSourceOf(app: INestApplicationContext): DataSource {
  return app.get(DataSource);
}

/** Polls until the check returns a truthy value or the time is up; `what` names the condition in the error. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 20_000, what?: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(what ? `not met in ${timeoutMs} ms: ${what}` : 'condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
