import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { makeOrganisation, type TestOrganisation } from './factories.js';
import { loginAs, type Session } from './http.js';
import { startRedis, type TestRedis } from './local-services.js';
import { dataSourceOf, startApi, startWorker } from './test-app.js';

/** An API and a match worker on a Redis of their own, with an organisation and its officer logged in. */
export interface MatchingStack {
  redis: TestRedis;
  api: NestExpressApplication;
  worker: INestApplicationContext;
  db: DataSource;
  org: TestOrganisation;
  officer: Session;
  stop(): Promise<void>;
}

/** Starts what the matching suites share; `settings` go to both processes (e.g. the reconciler's interval). */
export async function startMatchingStack(settings: Record<string, string> = {}): Promise<MatchingStack> {
  const redisDir = await mkdtemp(join(tmpdir(), 'rfl-redis-'));
  const redis = await startRedis({ dir: redisDir });
  const both = { REDIS_URL: redis.url, ...settings };
  const api = await startApi(both);
  const worker = await startWorker(both);
  const db = dataSourceOf(api);
  const org = await makeOrganisation(db);
  const officer = await loginAs(api, org.users.officer);
  return {
    redis,
    api,
    worker,
    db,
    org,
    officer,
    async stop() {
      await worker.close();
      await api.close();
      await redis.stop();
      await rm(redisDir, { recursive: true, force: true });
    },
  };
}
