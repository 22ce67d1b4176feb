import { existsSync } from 'node:fs';
import { chown, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { DataLayout } from './data-dir.js';
import { freePort } from './free-port.js';
import { runChecked, runCommand, type RunOptions } from './run-command.js';
import type { SystemUser } from './system-user.js';

export const DATABASE_NAME = 'rfl_tracing';
/** The key store's database (decision 0024): apart from the data, dumped and kept apart. */
export const KEYSTORE_DATABASE_NAME = 'rfl_keystore';

/** The URL of another database of the same local cluster. */
export function databaseUrlOf(port: number, password: string, database: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

export interface PostgresOptions {
  /** Folder with initdb, pg_ctl and postgres (Debian: /usr/lib/postgresql/<major>/bin). */
  binDir: string;
  layout: Pick<DataLayout, 'pgDir' | 'pgData' | 'pgLog' | 'pgSocketDir'>;
  /** Password of the `postgres` role; only used by initdb the first time. */
  password: string;
  /** The postgres system user when we are root (the server refuses to run as root); else null. */
  runAs: SystemUser | null;
  port?: number;
  database?: string;
}

export interface RunningPostgres {
  port: number;
  databaseUrl: string;
  /** True when this start created the application database (a first start). */
  createdDatabase: boolean;
  stop(): Promise<void>;
}

/**
 * The server's environment: no LANG/LC_* (only C, C.utf8 and POSIX exist here, and initdb fails
 * on an unknown locale) and no PG* variables of ours that could point pg_ctl elsewhere.
 */
function serverEnv(runAs: SystemUser | null): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'LANG' || key === 'LANGUAGE' || key.startsWith('LC_') || key.startsWith('PG')) continue;
    env[key] = value;
  }
  if (runAs) Object.assign(env, { HOME: runAs.home, USER: runAs.name, LOGNAME: runAs.name });
  return env;
}

function commandOptions(options: Pick<PostgresOptions, 'layout' | 'runAs'>): RunOptions {
  // cwd inside the postgres-owned folder: the checkout may be one the postgres user cannot enter.
  return { env: serverEnv(options.runAs), cwd: options.layout.pgDir, runAs: options.runAs };
}

async function initialise(options: PostgresOptions): Promise<void> {
  const pwfile = join(options.layout.pgDir, 'initdb-password');
  // The file lives in the 0700 postgres-owned folder, is 0600 and is gone once initdb has read it.
  await writeFile(pwfile, `${options.password}\n`, { mode: 0o600, flag: 'w' });
  try {
    if (options.runAs) await chown(pwfile, options.runAs.uid, options.runAs.gid);
    await runChecked(
      join(options.binDir, 'initdb'),
      [
        '-D',
        options.layout.pgData,
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
        '--auth-local=peer',
        '--auth-host=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwfile}`,
      ],
      commandOptions(options),
    );
  } finally {
    await rm(pwfile, { force: true });
  }
}

async function logTail(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim().split('\n').slice(-15).join('\n');
  } catch {
    return '(no server log)';
  }
}

/** pg_ctl hands -o to /bin/sh, so the socket folder is single-quoted and must not contain quotes. */
export function serverOptions(port: number, socketDir: string): string {
  if (socketDir.includes("'")) throw new Error(`Unsupported data folder (contains a quote): ${socketDir}`);
  // A Unix socket path is limited to 107 bytes; fail clearly instead of with a bind error.
  if (Buffer.byteLength(join(socketDir, `.s.PGSQL.${port}`)) > 107) {
    throw new Error(`Data folder path too long for a PostgreSQL socket: ${socketDir}; choose a shorter DATA_DIR`);
  }
  return `-p ${port} -c listen_addresses=127.0.0.1 -k '${socketDir}'`;
}

/**
 * Stops the cluster in `options.layout.pgData` if it runs; a no-op otherwise. `immediate` ends the
 * server without a shutdown checkpoint, as a crash would, so its next start runs crash recovery
 * (the fault-injection run uses it).
 */
export async function stopPostgres(
  options: Pick<PostgresOptions, 'binDir' | 'layout' | 'runAs'>,
  mode: 'fast' | 'immediate' = 'fast',
): Promise<void> {
  const pgCtl = join(options.binDir, 'pg_ctl');
  const run = commandOptions(options);
  // Exit status 3 means "not running", 4 "no cluster": nothing to stop.
  if ((await runCommand(pgCtl, ['status', '-D', options.layout.pgData], run)).code !== 0) return;
  await runChecked(pgCtl, ['stop', '-D', options.layout.pgData, '-m', mode, '-w', '-t', '60'], run);
}

export async function ensureDatabase(port: number, password: string, database: string): Promise<boolean> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Unsupported database name: ${database}`);
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await client.connect().catch((error: { code?: string; message: string }) => {
    // 28P01: the cluster outlived the secrets file that held its password.
    if (error.code === '28P01')
      throw new Error('The cluster rejects the password in secrets.json; restore that file from the same backup as the cluster');
    throw error;
  });
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${database}" ENCODING 'UTF8' TEMPLATE template0`);
    return true;
  } finally {
    await client.end();
  }
}

/**
 * Initialises the cluster on first use, starts it on 127.0.0.1 and a free port, and creates the
 * application database when it is missing.
 */
export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const { binDir, layout } = options;
  const database = options.database ?? DATABASE_NAME;
  if (!existsSync(join(layout.pgData, 'PG_VERSION'))) await initialise(options);
  // A server left behind by a start that was killed would hold the data folder: stop it first.
  await stopPostgres(options);

  const port = options.port ?? (await freePort());
  const started = await runCommand(
    join(binDir, 'pg_ctl'),
    ['start', '-D', layout.pgData, '-l', layout.pgLog, '-w', '-t', '60', '-o', serverOptions(port, layout.pgSocketDir)],
    commandOptions(options),
  );
  if (started.code !== 0) {
    throw new Error(`PostgreSQL did not start (pg_ctl exit ${started.code}):\n${started.output.trim()}\n${await logTail(layout.pgLog)}`);
  }

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopPostgres(options);
  };
  try {
    const createdDatabase = await ensureDatabase(port, options.password, database);
    const databaseUrl = databaseUrlOf(port, options.password, database);
    return { port, databaseUrl, createdDatabase, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
