import { join } from 'node:path';
import { runCommand } from '../local-stack/run-command.js';
import { findPgBinDir } from '../local-stack/system-packages.js';

/**
 * pg_dump and pg_restore of Debian's PostgreSQL 15, the server the local stack runs (decision 0002):
 * their version matches it. The connection goes through PG* variables, never arguments, so the
 * password does not show in the process list.
 */
export async function runPgTool(tool: 'pg_dump' | 'pg_restore', databaseUrl: string, args: readonly string[]): Promise<void> {
  const binDir = findPgBinDir();
  if (!binDir) throw new Error(`${tool} not found: install postgresql-15 (npm start does) to back up or restore`);
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username),
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
  };
  const result = await runCommand(join(binDir, tool), args, { env });
  if (result.code !== 0) throw new Error(`${tool} failed (exit ${result.code}): ${withoutRowValues(result.output).slice(0, 2000)}`);
}

/**
 * The tool's messages name tables, options and SQL states, which an operator needs; PostgreSQL's
 * DETAIL lines can quote a row's values (a key that clashes), so they are left out.
 */
export function withoutRowValues(output: string): string {
  return output
    .split('\n')
    .filter((line) => !/\bDETAIL:/.test(line))
    .join('\n')
    .trim();
}
