import { accessSync, constants, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { runCommand } from './run-command.js';
import { isRoot } from './system-user.js';

/** Debian keeps each major's server binaries here, off PATH (see docs/decisions/0002). */
export const PG_ROOT = '/usr/lib/postgresql';
/** The server package the project decided on: its pg_dump/pg_restore match the server. */
export const POSTGRES_PACKAGE = 'postgresql-15';
export const REDIS_PACKAGE = 'redis-server';
/** A drop-in rather than an edit of createcluster.conf, which ucf manages and may prompt about. */
const NO_MAIN_CLUSTER_FILE = '/etc/postgresql-common/createcluster.d/rfl-tracing.conf';

export interface SystemBinaries {
  pgBinDir: string;
  redisServer: string;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function hasServerBinaries(binDir: string): boolean {
  return ['initdb', 'pg_ctl', 'postgres'].every((name) => isExecutable(join(binDir, name)));
}

/** Picks the highest numeric major whose bin folder holds the server binaries. */
export function pickPgBinDir(
  root: string,
  entries: readonly string[],
  usable: (binDir: string) => boolean = hasServerBinaries,
): string | null {
  const majors = entries.filter((entry) => /^\d+$/.test(entry)).sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const binDir = join(root, major, 'bin');
    if (usable(binDir)) return binDir;
  }
  return null;
}

export function findPgBinDir(root = PG_ROOT): string | null {
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return null;
  }
  return pickPgBinDir(root, entries);
}

/** A command on PATH; /usr/bin is checked too for a bare PATH under sudo or cron. */
export function findCommand(name: string, pathEnv = process.env.PATH ?? ''): string | null {
  const dirs = [...pathEnv.split(delimiter).filter(Boolean), '/usr/bin', '/usr/sbin'];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

export function findRedisServer(pathEnv = process.env.PATH ?? ''): string | null {
  return findCommand('redis-server', pathEnv);
}

/**
 * Makes sure a tool from Debian's packages is on the machine, installing its package with apt-get
 * when we are root (the test command's tools: the data-set builder's uconv, from icu-devtools).
 */
export async function ensureDebianTool(command: string, debianPackage: string): Promise<string> {
  const found = findCommand(command);
  if (found) return found;
  if (!isRoot() || !isExecutable('/usr/bin/apt-get')) {
    throw new Error(`${command} is missing: install the Debian package ${debianPackage} as root (apt-get install -y ${debianPackage}).`);
  }
  process.stdout.write(`Installing ${debianPackage} with apt-get...\n`);
  if (!(await aptInstall([debianPackage]))) throw new Error(`apt-get could not install ${debianPackage}`);
  const installed = findCommand(command);
  if (!installed) throw new Error(`${debianPackage} installed, but ${command} is not on PATH`);
  return installed;
}

export async function aptInstall(packages: readonly string[]): Promise<boolean> {
  // Non-interactive all the way down: debconf, ucf and dpkg conffile questions keep their defaults.
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', UCF_FORCE_CONFFOLD: '1' };
  const args = ['-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold'];
  const install = () =>
    runCommand('apt-get', ['install', '-y', '--no-install-recommends', ...args, ...packages], { env, inheritOutput: true });
  if ((await install()).code === 0) return true;
  // A fresh machine may have no package lists yet; refresh them only when the install needs it.
  if ((await runCommand('apt-get', ['update'], { env, inheritOutput: true })).code !== 0) return false;
  return (await install()).code === 0;
}

/**
 * Makes sure Debian's PostgreSQL server and redis-server are installed, installing the missing
 * ones with apt-get (root only), and says where their binaries are.
 */
export async function ensureSystemPackages(): Promise<SystemBinaries> {
  let pgBinDir = findPgBinDir();
  let redisServer = findRedisServer();
  const missing = [...(pgBinDir ? [] : [POSTGRES_PACKAGE]), ...(redisServer ? [] : [REDIS_PACKAGE])];
  if (missing.length === 0) return { pgBinDir: pgBinDir!, redisServer: redisServer! };

  if (!isRoot()) {
    throw new Error(
      `Missing system packages: ${missing.join(', ')}. Install them as root ` +
        `(apt-get install -y ${missing.join(' ')}), or set DATABASE_URL and REDIS_URL to servers of your own.`,
    );
  }
  if (!isExecutable('/usr/bin/apt-get')) {
    throw new Error(`Missing system packages: ${missing.join(', ')}, and apt-get is not available to install them.`);
  }
  if (!pgBinDir && !existsSync(NO_MAIN_CLUSTER_FILE)) {
    // Debian would otherwise create (and try to start) a default cluster on 5432 that we never use.
    mkdirSync('/etc/postgresql-common/createcluster.d', { recursive: true, mode: 0o755 });
    writeFileSync(NO_MAIN_CLUSTER_FILE, 'create_main_cluster = false\n', { mode: 0o644 });
  }
  process.stdout.write(`Installing ${missing.join(', ')} with apt-get...\n`);
  if (!(await aptInstall(missing))) throw new Error(`apt-get could not install ${missing.join(', ')}`);

  pgBinDir = findPgBinDir();
  redisServer = findRedisServer();
  if (!pgBinDir) throw new Error(`${POSTGRES_PACKAGE} installed, but no server binaries found under ${PG_ROOT}/*/bin`);
  if (!redisServer) throw new Error(`${REDIS_PACKAGE} installed, but redis-server is not on PATH`);
  return { pgBinDir, redisServer };
}
