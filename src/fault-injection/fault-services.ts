/**
 * The run's own PostgreSQL and Redis, started by the same code as `npm start` (src/local-stack) in a
 * folder of their own, with handles to crash and start each again on the same port.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { prepareDataDir } from '../local-stack/data-dir.js';
import {
  databaseUrlOf,
  ensureDatabase,
  KEYSTORE_DATABASE_NAME,
  type RunningPostgres,
  startPostgres,
  stopPostgres,
} from '../local-stack/postgres-cluster.js';
import { type RunningRedis, startRedis } from '../local-stack/redis-server.js';
import { loadOrCreateSecrets } from '../local-stack/secrets.js';
import { ensureSystemPackages } from '../local-stack/system-packages.js';
import { findSystemUser, isRoot } from '../local-stack/system-user.js';

export interface FaultServices {
  databaseUrl: string;
  redisUrl: string;
  jwtSecret: string;
  totpEncryptionKey: string;
  /** The key store: a second database of the same cluster, so it crashes and recovers with the data. */
  keystoreDatabaseUrl: string;
  dataMasterKeys: string;
  /** Ends PostgreSQL at once (`pg_ctl stop -m immediate`, no shutdown checkpoint), as a crash would. */
  crashPostgres(): Promise<void>;
  /** Starts it again on the same port; it runs crash recovery first. */
  startPostgresAgain(): Promise<void>;
  /** SIGKILL to redis-server; with `removeData` its append-only files are deleted too. */
  crashRedis(options: { removeData: boolean }): Promise<void>;
  startRedisAgain(): Promise<void>;
  stop(): Promise<void>;
}

export async function startFaultServices(root: string): Promise<FaultServices> {
  const { pgBinDir, redisServer } = await ensureSystemPackages();
  const pgUser = isRoot() ? findSystemUser('postgres') : null;
  if (isRoot() && !pgUser) throw new Error('The postgres system user does not exist; reinstall postgresql-15');
  const layout = await prepareDataDir(root, pgUser);
  const secrets = await loadOrCreateSecrets(layout.secretsFile);
  const pgOptions = { binDir: pgBinDir, layout, password: secrets.postgresPassword, runAs: pgUser };

  let postgres: RunningPostgres = await startPostgres(pgOptions);
  let redis: RunningRedis;
  try {
    await ensureDatabase(postgres.port, secrets.postgresPassword, KEYSTORE_DATABASE_NAME);
    redis = await startRedis({ redisServer, dir: layout.redisDir, logFile: layout.redisLog });
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  const redisPort = redis.port;

  return {
    databaseUrl: postgres.databaseUrl,
    redisUrl: redis.url,
    jwtSecret: secrets.jwtSecret,
    totpEncryptionKey: secrets.totpEncryptionKey,
    keystoreDatabaseUrl: databaseUrlOf(postgres.port, secrets.postgresPassword, KEYSTORE_DATABASE_NAME),
    dataMasterKeys: secrets.dataMasterKey,
    crashPostgres: () => stopPostgres(pgOptions, 'immediate'),
    startPostgresAgain: async () => {
      postgres = await startPostgres({ ...pgOptions, port: postgres.port });
    },
    crashRedis: async ({ removeData }) => {
      await redis.kill();
      // Redis 7 keeps its append-only files in appendonlydir; there are no RDB snapshots (--save '').
      if (removeData) await rm(join(layout.redisDir, 'appendonlydir'), { recursive: true, force: true });
    },
    startRedisAgain: async () => {
      redis = await startRedis({ redisServer, dir: layout.redisDir, logFile: layout.redisLog, port: redisPort });
    },
    stop: async () => {
      await redis.stop();
      await postgres.stop();
    },
  };
}
