import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { startRedis, type TestRedis } from './local-services.js';
import { dataSourceOf, startApi, startWorker } from './test-app.js';

/** The API and a worker in-process on the shared Postgres, with a Redis of their own. */
export interface TestStack {
  api: NestExpressApplication;
  worker: INestApplicationContext;
  db: DataSource;
  redis: TestRedis;
  stop(): Promise<void>;
}

export async function startStack(settings: Record<string, string> = {}): Promise<TestStack> {
  const redisDir = await mkdtemp(join(tmpdir(), 'rfl-redis-'));
  const redis = await startRedis({ dir: redisDir });
  const all = { REDIS_URL: redis.url, ...settings };
  const api = await startApi(all);
  const worker = await startWorker(all);
  return {
    api,
    worker,
    db: dataSourceOf(api),
    redis,
    stop: async () => {
      await worker.close();
      await api.close();
      await redis.stop();
      await rm(redisDir, { recursive: true, force: true });
    },
  };
}
