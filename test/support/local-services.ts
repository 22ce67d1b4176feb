/**
 * Helpers for tests that need a Redis of their own, started by the same code as `npm start`
 * (src/local-stack). The shared PostgreSQL and Redis come from global-setup.mjs.
 */
import { mkdir } from 'node:fs/promises';
import { freePort } from '../../src/local-stack/free-port.js';
import { startRedis as startRedisServer } from '../../src/local-stack/redis-server.js';
import { ensureSystemPackages } from '../../src/local-stack/system-packages.js';

export { freePort };

export interface TestRedis {
  url: string;
  port: number;
  /** SIGTERM and wait: Redis writes its append-only file, so a restart on the same dir keeps the data. */
  stop(): Promise<void>;
}

/**
 * Starts an extra Redis, independent of the shared one, e.g. to stop and restart it in a test.
 * Pass the same `dir` and `port` again to restart it with its data.
 */
export async function startRedis(options: { dir: string; port?: number }): Promise<TestRedis> {
  const { redisServer } = await ensureSystemPackages();
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const redis = await startRedisServer({ redisServer, dir: options.dir, port: options.port });
  return { url: redis.url, port: redis.port, stop: redis.stop };
}
