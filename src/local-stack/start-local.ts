/**
 * `npm start`: one command that runs the whole service on this machine. Without DATABASE_URL and
 * REDIS_URL it brings up loopback PostgreSQL and Redis (data outside the checkout), migrates,
 * seeds demo data on the very first start, then runs the API and the worker until SIGTERM/SIGINT.
 */
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { rotateKeysIn } from '../cli/rotate-keys.js';
import { seedDemoData } from '../database/demo-seed/seed-demo-data.js';
import { runMigrations } from '../database/migrate.js';
import { BlindIndex } from '../key-store/blind-index.js';
import { FieldVault } from '../key-store/field-vault.js';
import { KeyStore } from '../key-store/key-store.js';
import { spawnApp, waitForHttpOk, type AppProcess } from './app-process.js';
import { dataLayout, resolveDataDir } from './data-dir.js';
import { formatDemoAccounts } from './demo-accounts.js';
import { freePort } from './free-port.js';
import { startLocalServices } from './local-services.js';
import { loadOrCreateSecrets } from './secrets.js';
import { isRoot } from './system-user.js';
import { WORKER_NODE_FLAGS } from '../worker-node-flags.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Raised at a start-up checkpoint once a stop was asked for, to unwind through the cleanups. */
class StopRequested extends Error {}

let phase: 'starting' | 'running' | 'stopping' = 'starting';
let stopAsked = false;
let exitCode = 0;
const cleanups: Array<() => Promise<void>> = [];

function checkpoint(): void {
  if (stopAsked) throw new StopRequested();
}

async function stopAll(): Promise<never> {
  phase = 'stopping';
  // Reverse order of start: API and worker first, then Redis, then PostgreSQL.
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      process.stderr.write(`while stopping: ${(error as Error).message}\n`);
      exitCode = 1;
    }
  }
  say(exitCode === 0 ? 'Stopped.' : 'Stopped after an error.');
  process.exit(exitCode);
}

function requestStop(code: number, reason: string): void {
  if (phase === 'stopping' || stopAsked) return;
  say(reason);
  exitCode = code;
  stopAsked = true;
  // During start-up the current step finishes first, so nothing it starts is left running.
  if (phase === 'running') void stopAll();
}

function watchApp(app: AppProcess): void {
  void app.exited.then((code) => requestStop(1, `${app.name} exited unexpectedly (code ${code}); stopping everything`));
}

async function backingServices(dataDir: string) {
  const { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl } = process.env;
  if (databaseUrl && redisUrl) {
    say('Using DATABASE_URL and REDIS_URL from the environment (no local servers, no demo data).');
    const { KEYSTORE_DATABASE_URL: keystoreDatabaseUrl } = process.env;
    // The key store must be a database apart from the data: there is no default to fall back on.
    if (!keystoreDatabaseUrl) throw new Error('With DATABASE_URL set, KEYSTORE_DATABASE_URL must name the key store (decision 0024)');
    let { JWT_SECRET: jwtSecret, TOTP_ENCRYPTION_KEY: totpEncryptionKey, DATA_KEY_MASTER_KEYS: dataMasterKeys } = process.env;
    if (!jwtSecret || !totpEncryptionKey || !dataMasterKeys) {
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
      const secrets = await loadOrCreateSecrets(dataLayout(dataDir).secretsFile);
      jwtSecret ||= secrets.jwtSecret;
      totpEncryptionKey ||= secrets.totpEncryptionKey;
      dataMasterKeys ||= secrets.dataMasterKey;
    }
    return { databaseUrl, keystoreDatabaseUrl, redisUrl, jwtSecret, totpEncryptionKey, dataMasterKeys, seed: false };
  }
  say(`Starting PostgreSQL and Redis on 127.0.0.1 (data in ${dataDir})...`);
  const local = await startLocalServices(dataDir);
  cleanups.push(local.stop);
  void local.redisExited.then(() => requestStop(1, 'redis-server exited unexpectedly; stopping everything'));
  say(`PostgreSQL on 127.0.0.1:${local.postgresPort}, Redis on 127.0.0.1:${local.redisPort}`);
  // Seeding checks that the database is still empty, so a first start that failed half-way seeds next time.
  return { ...local, seed: true };
}

/**
 * The local data as this version stores it: what an older version left in plaintext sealed and
 * re-keyed (`cli rotate-keys` does the same on a deployment), then the demo seeded, its names and
 * free texts sealed like any other (decisions 0024, 0028).
 */
async function sealAndSeed(services: { databaseUrl: string; keystoreDatabaseUrl: string; dataMasterKeys: string }) {
  const keys = await KeyStore.fromSettings({
    KEYSTORE_DATABASE_URL: services.keystoreDatabaseUrl,
    DATA_KEY_MASTER_KEYS: services.dataMasterKeys,
  });
  try {
    const sealed = await rotateKeysIn(services.databaseUrl, keys);
    if (sealed.sealedLegacy + sealed.reindexed > 0)
      say(`Sealed ${sealed.sealedLegacy} values and re-keyed ${sealed.reindexed} people from an older version.`);
    return await seedDemoData(services.databaseUrl, new FieldVault(keys), new BlindIndex(await keys.blindIndexKey()));
  } finally {
    await keys.close();
  }
}

async function main(): Promise<void> {
  const dataDir = resolveDataDir(process.env, isRoot(), homedir());
  const services = await backingServices(dataDir);
  checkpoint();
  await runMigrations(services.databaseUrl);
  checkpoint();
  const demoAccounts = services.seed ? await sealAndSeed(services) : null;
  if (demoAccounts) process.stdout.write(formatDemoAccounts(demoAccounts));
  checkpoint();

  const port = process.env.PORT ?? '3000';
  const metricsPort = String(await freePort());
  const shared = {
    ...process.env,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    JWT_SECRET: services.jwtSecret,
    TOTP_ENCRYPTION_KEY: services.totpEncryptionKey,
    KEYSTORE_DATABASE_URL: services.keystoreDatabaseUrl,
    DATA_KEY_MASTER_KEYS: services.dataMasterKeys,
    PORT: port,
    HOST: '127.0.0.1',
  };
  // The API gets no METRICS_PORT of the caller's: the worker's loopback port must not clash with it.
  const apiEnv: NodeJS.ProcessEnv = { ...shared };
  delete apiEnv.METRICS_PORT;
  const api = spawnApp('API', fileURLToPath(new URL('../main.js', import.meta.url)), apiEnv);
  const worker = spawnApp(
    'worker',
    fileURLToPath(new URL('../worker.js', import.meta.url)),
    { ...shared, METRICS_PORT: metricsPort },
    WORKER_NODE_FLAGS,
  );
  cleanups.push(() => Promise.all([api.stop(), worker.stop()]).then(() => undefined));
  watchApp(api);
  watchApp(worker);

  const ready = await waitForHttpOk(`http://127.0.0.1:${port}/ready`, 120_000, () => stopAsked);
  checkpoint();
  if (!ready) throw new Error(`the API did not answer GET /ready with 200 within 120 s`);
  phase = 'running';
  say(`API ready: http://127.0.0.1:${port}/v1`);
  say(`OpenAPI docs: http://127.0.0.1:${port}/docs`);
  say(`Web console: http://127.0.0.1:${port}/console`);
  say(`Worker metrics: http://127.0.0.1:${metricsPort}/metrics`);
}

// `npm start | head` closes our stdout early: losing output must not crash the supervisor and
// leave its servers running without it.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
process.on('SIGTERM', () => requestStop(0, 'Received SIGTERM; stopping...'));
process.on('SIGINT', () => requestStop(0, 'Received SIGINT; stopping...'));

main().catch(async (error: unknown) => {
  if (!(error instanceof StopRequested)) {
    process.stderr.write(`Start failed: ${error instanceof Error ? error.message : String(error)}\n`);
    exitCode = 1;
  }
  await stopAll();
});
