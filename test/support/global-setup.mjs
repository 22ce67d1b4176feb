// Plain ESM, loaded by Jest without a transform: Jest's globalSetup does not apply moduleNameMapper,
// so it imports the compiled code (`npm test` builds before it runs Jest).
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runMigrations } from '../../dist/database/migrate.js';
import { startLocalServices } from '../../dist/local-stack/local-services.js';
import { ensureDebianTool } from '../../dist/local-stack/system-packages.js';
import { ensureTestBrowser } from '../../dist/local-stack/test-browser.js';

const KEY = Symbol.for('rfl-tracing.test-stack');

/**
 * Ports named by the environment (the no-egress test's namespace allows only those); free ones otherwise.
 * @param {NodeJS.ProcessEnv} env
 */
function fixedPorts(env) {
  const port = (value) => (value ? Number(value) : undefined);
  return { postgresPort: port(env.TEST_POSTGRES_PORT), redisPort: port(env.TEST_REDIS_PORT) };
}

/** Starts a throwaway PostgreSQL + Redis under /tmp and migrates the database once for all integration tests. */
export default async function globalSetup() {
  // The data-set builder's test rebuilds the labelled sets with ICU's transforms (uconv).
  await ensureDebianTool('uconv', 'icu-devtools');
  // The web console's browser tests drive Debian's chromium (with fonts for Arabic and Ge'ez text).
  const browser = await ensureTestBrowser();
  // Under /tmp, never inside the checkout: the checkout may sit where the postgres user cannot go.
  const root = await mkdtemp('/tmp/rfl-tracing-test-');
  await chmod(root, 0o711);
  let services;
  try {
    services = await startLocalServices(join(root, 'data'), fixedPorts(process.env));
    await runMigrations(services.databaseUrl);
  } catch (error) {
    await services?.stop();
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  globalThis[KEY] = { root, services };
  // Tests run in band, so these reach them through process.env.
  Object.assign(process.env, {
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    JWT_SECRET: services.jwtSecret,
    TOTP_ENCRYPTION_KEY: services.totpEncryptionKey,
    KEYSTORE_DATABASE_URL: services.keystoreDatabaseUrl,
    DATA_KEY_MASTER_KEYS: services.dataMasterKeys,
    TEST_DATA_DIR: root,
    TEST_BROWSER: browser,
  });
}
