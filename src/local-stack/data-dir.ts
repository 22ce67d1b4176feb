import { chmod, chown, mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { SystemUser } from './system-user.js';

export const APP_FOLDER = 'rfl-tracing';

/**
 * Where the local servers keep their data: always outside the checkout, so a checkout in a folder
 * other users cannot enter (a 0700 home or mktemp folder) still works. DATA_DIR wins; root uses a
 * system folder the postgres user can reach; anyone else uses the XDG data folder.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, asRoot: boolean, home: string): string {
  if (env.DATA_DIR) return resolve(env.DATA_DIR);
  if (asRoot) return join('/var/lib', APP_FOLDER);
  // The XDG spec says relative values are invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  if (xdg && xdg.startsWith('/')) return join(xdg, APP_FOLDER);
  return join(home, '.local', 'share', APP_FOLDER);
}

export interface DataLayout {
  root: string;
  /** Root-only (0600): the postgres password and the JWT secret. */
  secretsFile: string;
  /** Owned by the postgres user (0700): holds the cluster, its log and its socket. */
  pgDir: string;
  pgData: string;
  pgLog: string;
  pgSocketDir: string;
  redisDir: string;
  redisLog: string;
}

export function dataLayout(root: string): DataLayout {
  const pgDir = join(root, 'postgres');
  const redisDir = join(root, 'redis');
  return {
    root,
    secretsFile: join(root, 'secrets.json'),
    pgDir,
    pgData: join(pgDir, 'data'),
    pgLog: join(pgDir, 'postgres.log'),
    pgSocketDir: pgDir,
    redisDir,
    redisLog: join(redisDir, 'redis-server.log'),
  };
}

interface Owned {
  mode: number;
  uid: number;
  gid: number;
}

/** Whether `user` (with only its primary group, as spawn leaves it) may enter a folder. */
export function canTraverse(folder: Owned, user: { uid: number; gid: number }): boolean {
  if (user.uid === 0) return true;
  if (folder.uid === user.uid) return (folder.mode & 0o100) !== 0;
  if (folder.gid === user.gid) return (folder.mode & 0o010) !== 0;
  return (folder.mode & 0o001) !== 0;
}

/** The folder itself and every parent up to `/`, outermost first. */
export function foldersOnPath(path: string): string[] {
  const folders: string[] = [];
  for (let current = resolve(path); ; current = dirname(current)) {
    folders.unshift(current);
    if (dirname(current) === current) return folders;
  }
}

/**
 * Creates the data folder and its parts with the right owners and modes. With `pgUser` (we are
 * root) the root folder is 0711 so postgres can pass through to its own 0700 part without
 * listing the rest, and every parent must let postgres through too.
 */
export async function prepareDataDir(root: string, pgUser: SystemUser | null): Promise<DataLayout> {
  const layout = dataLayout(root);
  const rootMode = pgUser ? 0o711 : 0o700;
  await mkdir(root, { recursive: true, mode: rootMode });
  const info = await stat(root);
  const me = process.getuid?.() ?? info.uid;
  if (!info.isDirectory() || info.uid !== me) {
    throw new Error(`Data folder ${root} must be a folder owned by the user running this command`);
  }
  await chmod(root, rootMode);

  if (pgUser) {
    for (const folder of foldersOnPath(root)) {
      if (!canTraverse(await stat(folder), pgUser)) {
        throw new Error(
          `The ${pgUser.name} user cannot enter ${folder}, so PostgreSQL cannot reach its data in ${root}. ` +
            'Set DATA_DIR to a folder outside it (the default for root is /var/lib/rfl-tracing).',
        );
      }
    }
  }

  await mkdir(layout.pgDir, { recursive: true, mode: 0o700 });
  await chmod(layout.pgDir, 0o700);
  if (pgUser) await chown(layout.pgDir, pgUser.uid, pgUser.gid);
  await mkdir(layout.redisDir, { recursive: true, mode: 0o700 });
  await chmod(layout.redisDir, 0o700);
  return layout;
}
