import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runMigrations } from '../../database/migrate.js';
import { BlindIndex } from '../../key-store/blind-index.js';
import { FieldVault } from '../../key-store/field-vault.js';
import { KeyStore } from '../../key-store/key-store.js';
import { startLocalServices } from '../../local-stack/local-services.js';

export interface BenchServices {
  databaseUrl: string;
  redisUrl: string;
  /** Stops what this process started; a database named by BENCH_DATABASE_URL is left running. */
  stop(): Promise<void>;
}

/**
 * Where benchmark data lives: never the service's data folder. BENCH_DIR wins; the default sits
 * under /var/tmp, which the postgres system user can enter when we run as root.
 */
export function benchRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.BENCH_DIR ?? '/var/tmp/rfl-tracing-bench';
}

/**
 * A PostgreSQL + Redis of the benchmark's own: the databases named by BENCH_DATABASE_URL and
 * BENCH_REDIS_URL when set, otherwise a local cluster in `folder` (started again, with its data, when
 * it exists already). Migrations run either way, so the schema is the service's current one.
 */
export async function openBenchServices(folder: string, env: NodeJS.ProcessEnv = process.env): Promise<BenchServices> {
  if (env.BENCH_DATABASE_URL) {
    await runMigrations(env.BENCH_DATABASE_URL);
    return {
      databaseUrl: env.BENCH_DATABASE_URL,
      redisUrl: env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
      stop: () => Promise.resolve(),
    };
  }
  await mkdir(benchRoot(env), { recursive: true, mode: 0o711 });
  const services = await startLocalServices(join(benchRoot(env), folder));
  try {
    await runMigrations(services.databaseUrl);
  } catch (error) {
    await services.stop();
    throw error;
  }
  return { databaseUrl: services.databaseUrl, redisUrl: services.redisUrl, stop: () => services.stop() };
}

/**
 * Key-store settings for a benchmark's service: its key store lives in the benchmark's own database
 * (the tables do not clash). A deployment keeps them apart.
 */
export function benchKeyStoreSettings(databaseUrl: string): { KEYSTORE_DATABASE_URL: string; DATA_KEY_MASTER_KEYS: string } {
  return { KEYSTORE_DATABASE_URL: databaseUrl, DATA_KEY_MASTER_KEYS: BENCH_MASTER_KEY };
}

/**
 * One master key for every benchmark database, derived from a public phrase: a loaded speed data
 * set is reused across runs and processes, so its data keys must unwrap under the same master key
 * each time. It protects nothing – benchmark data is generated – and measures the same work.
 */
const BENCH_MASTER_KEY = createHash('sha256').update('rfl-tracing benchmark master key; never for real data').digest('hex');

export interface BenchKeys {
  vault: FieldVault;
  index: BlindIndex;
  close(): Promise<void>;
}

/** The vault and blind index a benchmark seals and keys its records with, as the service does (decision 0028). */
export async function openBenchKeys(databaseUrl: string): Promise<BenchKeys> {
  const keys = await KeyStore.fromSettings(benchKeyStoreSettings(databaseUrl));
  return { vault: new FieldVault(keys), index: new BlindIndex(await keys.blindIndexKey()), close: () => keys.close() };
}
