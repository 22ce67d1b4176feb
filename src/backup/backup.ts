import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runPgTool } from './pg-tools.js';

/** YYYYMMDDTHHMMSSZ: sorts by time, safe in a file name. */
export function backupStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A consistent dump (pg_dump takes one snapshot) of one database into `folder`, readable by its
 * owner only. The data and the key store are dumped by separate commands on purpose: their backups
 * are kept apart and for different times (decision 0024), or erasing a key would not erase anything.
 */
export async function backupDatabase(databaseUrl: string, folder: string, kind: 'data' | 'keys', at = new Date()): Promise<string> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const file = join(folder, `${kind}-${backupStamp(at)}.dump`);
  await runPgTool('pg_dump', databaseUrl, ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`]);
  await chmod(file, 0o600);
  return file;
}

/** Replaces a database's contents with a dump's, in one transaction: all of it, or nothing. */
export async function restoreDatabase(databaseUrl: string, file: string): Promise<void> {
  await runPgTool('pg_restore', databaseUrl, [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    `--dbname=${databaseUrlDatabase(databaseUrl)}`,
    file,
  ]);
}

function databaseUrlDatabase(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
}
