import { ensureSystemPackages } from './system-packages.js';
import { prepareDataDir } from './data-dir.js';
import { startPostgres } from './postgres-cluster.js';
import { startRedis } from './redis-server.js';
import { loadOrCreateSecrets } from './secrets.js';
import { findSystemUser, isRoot } from './system-user.js';

export interface LocalServices {
  dataDir: string;
  databaseUrl: string;
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
    redis = await startRedis({ redisServer, dir: layout.redisDir, logFile: layout.redisLog, port: ports.redisPort });
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  return {
    dataDir,
    databaseUrl: postgres.databaseUrl,
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
