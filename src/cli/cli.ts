/**
 * Operator commands, run as `npm run cli -- <command> [options]` with DATABASE_URL in the environment.
 * This file only parses arguments and prints; each command's logic lives in its own module.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigurationError, loadDatabaseUrl } from '../config/environment.js';
import { SETUP_CODE_TTL_HOURS } from '../users/setup-codes.js';
import { CreateAdminRefused, createAdmin } from './create-admin.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  create-admin    create an admin account, and its organisation if the code is new

Options of create-admin:
  --organisation-code <code>   the organisation's short code (2-40 of a-z, 0-9 and "-")
  --organisation-name <name>   its name; required when the organisation does not exist yet
  --email <address>            the admin's e-mail address, used to log in
  --display-name <name>        the admin's name as colleagues see it
  -h, --help                   show this help

The database comes from DATABASE_URL. The admin gets no password: the command prints a one-time
set-up code, valid for ${SETUP_CODE_TTL_HOURS} hours, with which they choose their own password.

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

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'create-admin') return await runCreateAdmin(rest);
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
