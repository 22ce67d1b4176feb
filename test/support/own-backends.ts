import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startRedis, type TestRedis } from './local-services.js';
import { createMigratedScratchDatabase, type ScratchDatabase } from './scratch-database.js';

/** A Redis of a suite's own, in a folder of its own, on a port that stays the same across restarts. */
export interface OwnRedis {
  readonly url: string;
  /** Stops Redis as a crash or an outage would: the apps' connections fail until it is started again. */
  stop(): Promise<void>;
  /**
   * Starts Redis again on the same port, so the apps reconnect by themselves. `empty`: from an
   * empty data folder, as a Redis that lost its data comes back; otherwise with what it wrote.
   */
  start(options?: { empty?: boolean }): Promise<void>;
  /** Stops Redis (if it runs) and removes its folder. */
  remove(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'rfl-redis-'));
  let running: TestRedis | undefined;
  const stop = async () => {
    const redis = running;
    running = undefined;
    await redis?.stop();
  };
  const remove = async () => {
    await stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    running = await startRedis({ dir, port: await freePort() });
  } catch (error) {
    await remove();
    throw error;
  }
  const { url, port } = running;
  return {
    url,
    stop,
    async start(options = {}) {
      if (running) throw new Error('this Redis is running already');
      // Redis keeps its append-only files here (src/local-stack/redis-server.ts): without them it starts empty.
      if (options.empty) await rm(join(dir, 'appendonlydir'), { recursive: true, force: true });
      running = await startRedis({ dir, port });
    },
    remove,
  };
}

/**
 * A Redis and a migrated database of a suite's own (README, "Suites with a Redis of their own").
 * The outbox ties a database to whichever Redis its relays reach: apps on a Redis of their own but
 * on the shared database relayed, and their workers ran, every other suite's pending rows, and a
 * relay left running by an earlier suite took this one's.
 */
export interface OwnBackends {
  /** REDIS_URL and DATABASE_URL, for startApi and startWorker */
  readonly settings: { readonly REDIS_URL: string; readonly DATABASE_URL: string };
  readonly redis: OwnRedis;
  /** Stops Redis, removes its folder and drops the database. */
  stop(): Promise<void>;
}

/** `prefix` names the database (`<prefix>_<random>`), so a leftover one tells which suite made it. */
export async function startOwnBackends(prefix: string): Promise<OwnBackends> {
  const redis = await startOwnRedis();
  let database: ScratchDatabase;
  try {
    database = await createMigratedScratchDatabase(prefix);
  } catch (error) {
    await redis.remove();
    throw error;
  }
  return {
    settings: { REDIS_URL: redis.url, DATABASE_URL: database.url },
    redis,
    async stop() {
      await redis.remove();
      await database.drop();
    },
  };
}
