import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { startOwnBackends, startOwnRedis } from './own-backends.js';
import { dataSourceOf, startApi, startWorker } from './test-app.js';

/** The API and a worker in-process, on a Redis and a database of their own (own-backends.ts). */
export interface TestStack {
  api: NestExpressApplication;
  worker: INestApplicationContext;
  db: DataSource;
  /** what both apps were started with: REDIS_URL and DATABASE_URL among them */
  settings: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

/**
 * `settings` go to both apps. With a DATABASE_URL among them (a database the suite made itself)
 * only the Redis is the stack's own; otherwise a migrated database named after `prefix` is too.
 */
export async function startStack(settings: Record<string, string> = {}, prefix = 'stack'): Promise<TestStack> {
  const backends = settings.DATABASE_URL
    ? await startOwnRedis().then((redis) => ({ settings: { REDIS_URL: redis.url }, stop: redis.remove }))
    : await startOwnBackends(prefix);
  let api: NestExpressApplication | undefined;
  try {
    const all = { ...backends.settings, ...settings };
    const started = await startApi(all);
    api = started;
    const worker = await startWorker(all);
    return {
      api: started,
      worker,
      db: dataSourceOf(started),
      settings: all,
      stop: async () => {
        await worker.close();
        await started.close();
        await backends.stop();
      },
    };
  } catch (error) {
    // A worker that failed to start leaves the API running: closed before its backends go.
    await api?.close();
    await backends.stop();
    throw error;
  }
}
