/**
 * Operator commands, run as `npm run cli -- <command> [options]` with DATABASE_URL in the environment.
 * This file only parses arguments and prints; each command's logic lives in its own module.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { isUUID } from 'class-validator';
import { ConfigurationError, loadDatabaseUrl, loadEnvironment } from '../config/environment.js';
import { MATCHER_VERSION } from '../matching/engine/person-for-matching.js';
import { SETUP_CODE_TTL_HOURS } from '../users/setup-codes.js';
import { CreateAdminRefused, createAdmin } from './create-admin.js';
import { rematchAll } from './rematch-all.js';
import { rotateKeysIn } from './rotate-keys.js';
import { backupDatabase, restoreDatabase } from '../backup/backup.js';
import { restoreWithErasures } from '../backup/restore-with-erasures.js';
import { KeyStore } from '../key-store/key-store.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  create-admin    create an admin account, and its organisation if the code is new
  rematch-all     after a matcher-version change, re-match every open record, showing progress
  rotate-keys     re-wrap every data key under the newest master key, seal names and texts written
                  before encryption at rest, and store older blocking keys as blind indexes; safe
                  while the service runs. Run it after an upgrade that adds sealed columns
  backup          dump the data (DATABASE_URL) into --out <folder>, consistent, owner-readable only
  backup-keys     dump the key store (KEYSTORE_DATABASE_URL) into --out <folder>; keep these apart
                  from the data's backups and only briefly (erasure destroys keys; docs/operations)
  restore         with the service stopped: replace the data with --from <data dump>, then erase
                  again everyone in the key store's erasure log; --keys <dump> first restores a
                  lost key store

Options of create-admin:
  --organisation-code <code>   the organisation's short code (2-40 of a-z, 0-9 and "-")
  --organisation-name <name>   its name; required when the organisation does not exist yet
  --email <address>            the admin's e-mail address, used to log in
  --display-name <name>        the admin's name as colleagues see it
  -h, --help                   show this help

The database comes from DATABASE_URL. The admin gets no password: the command prints a one-time
set-up code, valid for ${SETUP_CODE_TTL_HOURS} hours, with which they choose their own password.

Options of rematch-all:
  --organisation-id <uuid>     only this organisation's records
  --max-backlog <n>            hand records back only while fewer jobs wait (default: REMATCH_MAX_BACKLOG)
  --timeout-minutes <n>        stop reporting after this long; the workers go on with what was handed back

rematch-all needs DATABASE_URL and REDIS_URL, and running workers to do the matching. Running it
twice, or beside the workers' own reconciler, is harmless.

rotate-keys needs DATABASE_URL, KEYSTORE_DATABASE_URL and DATA_KEY_MASTER_KEYS (the new master
key first, the old ones after it). Once it reports done, the old master keys can be removed.

Exit status: 0 done, 1 refused or failed, 2 wrong usage.
`;

const out = (text: string) => process.stdout.write(text);
const err = (text: string) => process.stderr.write(text);

class UsageError extends Error {}

async function runCreateAdmin(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      'organisation-code': { type: 'string' },
      'organisation-name': { type: 'string' },
      email: { type: 'string' },
      'display-name': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return (out(USAGE), 0);
  const missing = ['organisation-code', 'email', 'display-name'].filter((name) => !values[name as keyof typeof values]);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((name) => `--${name}`).join(', ')}`);

  const databaseUrl = loadDatabaseUrl();
  const created = await createAdmin(databaseUrl, {
    organisationCode: values['organisation-code']!,
    organisationName: values['organisation-name'],
    email: values.email!,
    displayName: values['display-name']!,
  });
  const code = created.setupCode;
  out(
    [
      `${created.organisationCreated ? 'Created' : 'Using the existing'} organisation "${created.organisationName}" (${values['organisation-code']}).`,
      `Created the admin account ${values.email!.trim()} (user id ${created.userId}); it has no password yet.`,
      '',
      `One-time set-up code (shown only now): ${code}`,
      `It expires at ${created.expiresAt.toISOString()}. Within ${SETUP_CODE_TTL_HOURS} hours, the admin sets their password with`,
      '',
      '  POST /v1/auth/set-password',
      `  {"code": "${code}", "password": "<a password of 12 to 200 characters>"}`,
      '',
    ].join('\n'),
  );
  return 0;
}

async function runRematchAll(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      'organisation-id': { type: 'string' },
      'max-backlog': { type: 'string' },
      'timeout-minutes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return (out(USAGE), 0);
  const number = (name: 'max-backlog' | 'timeout-minutes') => {
    const raw = values[name];
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`--${name} must be a positive whole number`);
    return Number(raw);
  };
  const organisationId = values['organisation-id'];
  if (organisationId !== undefined && !isUUID(organisationId)) throw new UsageError('--organisation-id must be a UUID');
  // Only the database, Redis and re-match settings are read; the API's secret is not needed here.
  const env = loadEnvironment({ JWT_SECRET: 'x'.repeat(32), ...process.env });
  const timeoutMinutes = number('timeout-minutes');
  const final = await rematchAll({
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    organisationId,
    maxBacklog: number('max-backlog') ?? env.REMATCH_MAX_BACKLOG,
    intervalMs: 2000,
    timeoutMs: timeoutMinutes === undefined ? undefined : timeoutMinutes * 60_000,
    onProgress: (p) =>
      out(
        `matcher v${MATCHER_VERSION}: ${p.total - p.remaining}/${p.total} re-matched, ${p.remaining} to go, ` +
          `${p.backlog} jobs queued, ${p.perSecond.toFixed(1)} records/s\n`,
      ),
  });
  if (final.remaining > 0) return (err(`Stopped reporting with ${final.remaining} records still to re-match.\n`), 1);
  out('Every open record has a finished run of the current matcher.\n');
  return 0;
}

async function runRotateKeys(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, strict: true, allowPositionals: false, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) return (out(USAGE), 0);
  // Only the databases and the master keys are read; the API's secret and Redis are not needed here.
  const env = loadEnvironment({ JWT_SECRET: 'x'.repeat(32), REDIS_URL: 'redis://unused', ...process.env });
  const keys = await KeyStore.fromSettings(env);
  try {
    const report = await rotateKeysIn(env.DATABASE_URL, keys, {
      onProgress: (r) =>
        out(`${r.rewrapped} data keys re-wrapped, ${r.sealedLegacy} older values sealed, ${r.reindexed} people re-keyed\n`),
    });
    out(
      `Done: ${report.rewrapped} data keys re-wrapped under master key ${keys.ring.currentKeyId}, ${report.sealedLegacy} older values sealed, ${report.reindexed} people re-keyed.\n`,
    );
    return 0;
  } finally {
    await keys.close();
  }
}

async function runBackup(args: string[], kind: 'data' | 'keys'): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return (out(USAGE), 0);
  if (!values.out) throw new UsageError('missing --out <folder>');
  const env = loadEnvironment({ JWT_SECRET: 'x'.repeat(32), REDIS_URL: 'redis://unused', ...process.env });
  const file = await backupDatabase(kind === 'data' ? env.DATABASE_URL : env.KEYSTORE_DATABASE_URL, values.out, kind);
  out(`Wrote ${file}\n`);
  return 0;
}

async function runRestore(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: { from: { type: 'string' }, keys: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return (out(USAGE), 0);
  if (!values.from) throw new UsageError('missing --from <data dump>');
  const env = loadEnvironment({ JWT_SECRET: 'x'.repeat(32), REDIS_URL: 'redis://unused', ...process.env });
  if (values.keys) await restoreDatabase(env.KEYSTORE_DATABASE_URL, values.keys);
  const done = await restoreWithErasures(env, values.from);
  out(
    `Restored the data from ${values.from}; erased again: ${done.requests} requests, ${done.persons} people, ` +
      `${done.candidates} candidates.\n`,
  );
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'create-admin') return await runCreateAdmin(rest);
    if (command === 'rematch-all') return await runRematchAll(rest);
    if (command === 'rotate-keys') return await runRotateKeys(rest);
    if (command === 'backup') return await runBackup(rest, 'data');
    if (command === 'backup-keys') return await runBackup(rest, 'keys');
    if (command === 'restore') return await runRestore(rest);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (usage) return (err(`${(error as Error).message}\nRun with --help for usage.\n`), 2);
    if (error instanceof ConfigurationError) return (err(`${error.message}\n`), 1);
    if (error instanceof CreateAdminRefused) return (err(`Refused: ${error.message}\n`), 1);
    err(`${command} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
