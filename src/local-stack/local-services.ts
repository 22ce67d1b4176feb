import { ensureSystemPackages } from './system-packages.js';
import { prepareDataDir } from './data-dir.js';
import { databaseUrlOf, ensureDatabase, KEYSTORE_DATABASE_NAME, startPostgres } from './postgres-cluster.js';
import { startRedis } from './redis-server.js';
import { loadOrCreateSecrets } from './secrets.js';
import { findSystemUser, isRoot } from './system-user.js';

export interface LocalServices {
  dataDir: string;
  databaseUrl: string;
  /** The key store's database, in the same local cluster (a deployment puts it on a server of its own). */
  keystoreDatabaseUrl: string;
  /** DATA_KEY_MASTER_KEYS: the one master key the local stack generated. */
  dataMasterKeys: string;
  redisUrl: string;
  jwtSecret: string;
  totpEncryptionKey: string;
  postgresPort: number;
  redisPort: number;
  /** Settles if redis-server ends, so a supervisor can notice it dying. */
  redisExited: Promise<void>;
  /** Stops Redis, then PostgreSQL. */
  stop(): Promise<void>;
}

/** Fixed ports, e.g. for a network namespace whose firewall names them in advance; free ones otherwise. */
export interface LocalServicePorts {
  postgresPort?: number;
  redisPort?: number;
}

/**
 * Brings up the loopback PostgreSQL and Redis that `npm start` and the integration tests share:
 * installs missing Debian packages, prepares the data folder, reads or creates the secrets.
 */
export async function startLocalServices(dataDir: string, ports: LocalServicePorts = {}): Promise<LocalServices> {
  const { pgBinDir, redisServer } = await ensureSystemPackages();
  // PostgreSQL refuses to run as root; as root we hand it to the postgres user the package created.
  const pgUser = isRoot() ? findSystemUser('postgres') : null;
  if (isRoot() && !pgUser) throw new Error('The postgres system user does not exist; reinstall postgresql-15');
  const layout = await prepareDataDir(dataDir, pgUser);
  const secrets = await loadOrCreateSecrets(layout.secretsFile);

  const postgres = await startPostgres({
    binDir: pgBinDir,
    layout,
    password: secrets.postgresPassword,
    runAs: pgUser,
    port: ports.postgresPort,
  });
  let redis;
  try {
    await ensureDatabase(postgres.port, secrets.postgresPassword, KEYSTORE_DATABASE_NAME);
    redis = await startRedis({ redisServer, dir: layout.redisDir, logFile: layout.redisLog, port: ports.redisPort });
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  return {
    dataDir,
    databaseUrl: postgres.databaseUrl,
    keystoreDatabaseUrl: databaseUrlOf(postgres.port, secrets.postgresPassword, KEYSTORE_DATABASE_NAME),
    dataMasterKeys: secrets.dataMasterKey,
    redisUrl: redis.url,
    jwtSecret: secrets.jwtSecret,
    totpEncryptionKey: secrets.totpEncryptionKey,
    postgresPort: postgres.port,
    redisPort: redis.port,
    redisExited: redis.exited,
    stop: async () => {
      await redis.stop();
      await postgres.stop();
    },
  };
}
