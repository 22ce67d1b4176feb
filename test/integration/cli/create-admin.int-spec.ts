/**
 * `npm run cli -- create-admin` against the real, migrated database of global setup. Tests share that
 * database (and its append-only audit table), so every organisation code and e-mail here is unique per run.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreateAdminRefused, createAdmin, type CreateAdminOptions } from '../../../src/cli/create-admin.js';
import { ConfigurationError, loadDatabaseUrl } from '../../../src/config/environment.js';
import { dataSourceOptions } from '../../../src/database/data-source-options.js';
import { hashSetupCode, SETUP_CODE_TTL_HOURS } from '../../../src/users/setup-codes.js';

const run = randomBytes(4).toString('hex');
const options = (name: string, overrides: Partial<CreateAdminOptions> = {}): CreateAdminOptions => ({
  organisationCode: `cli-${name}-${run}`,
  organisationName: `CLI test ${name} ${run}`,
  email: `admin-${name}-${run}@cli.example`,
  displayName: `Admin ${name}`,
  ...overrides,
});

describe('createAdmin', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource(dataSourceOptions(loadDatabaseUrl()));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('creates the organisation and an admin without a password, holding only the hash of a one-time code', async () => {
    const before = Date.now();
    const created = await createAdmin(dataSource, options('first'));

    expect(created.organisationCreated).toBe(true);
    const [organisation] = await dataSource.query('SELECT name, code FROM organisation WHERE id = $1', [created.organisationId]);
    expect(organisation).toEqual({ name: `CLI test first ${run}`, code: `cli-first-${run}` });

    const [user] = await dataSource.query(
      'SELECT organisation_id, email, display_name, roles, password_hash, is_active FROM app_user WHERE id = $1',
      [created.userId],
    );
    expect(user).toEqual({
      organisation_id: created.organisationId,
      email: `admin-first-${run}@cli.example`,
      display_name: 'Admin first',
      roles: ['admin'],
      password_hash: null,
      is_active: true,
    });

    const codes = await dataSource.query('SELECT code_hash, expires_at, used_at FROM password_setup_code WHERE user_id = $1', [
      created.userId,
    ]);
    expect(codes).toHaveLength(1);
    expect(created.setupCode).toMatch(/^[A-Za-z0-9_-]{20,100}$/);
    expect(codes[0].code_hash).not.toBe(created.setupCode);
    expect(codes[0].code_hash).not.toContain(created.setupCode);
    expect(codes[0].code_hash).toBe(hashSetupCode(created.setupCode));
    expect(codes[0].used_at).toBeNull();
    expect(new Date(codes[0].expires_at).getTime()).toBe(created.expiresAt.getTime());
    const ttl = created.expiresAt.getTime() - before;
    expect(ttl).toBeGreaterThan(SETUP_CODE_TTL_HOURS * 3_600_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(SETUP_CODE_TTL_HOURS * 3_600_000 + 60_000);

    const audit = await dataSource.query(
      'SELECT action, entity_id, actor_user_id FROM audit_event WHERE organisation_id = $1 ORDER BY id',
      [created.organisationId],
    );
    expect(audit).toEqual([
      { action: 'organisation.created', entity_id: created.organisationId, actor_user_id: null },
      { action: 'user.created', entity_id: created.userId, actor_user_id: null },
    ]);
  });

  it('refuses a second account with the same e-mail address, whatever its case, and changes nothing', async () => {
    const first = options('dupe');
    await createAdmin(dataSource, first);
    const again = options('dupe-other', { email: first.email.toUpperCase() });

    await expect(createAdmin(dataSource, again)).rejects.toThrow(CreateAdminRefused);
    await expect(createAdmin(dataSource, again)).rejects.toThrow(/already exists/);
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM organisation WHERE code = $1', [again.organisationCode]);
    expect(count).toBe(0);
    const [{ users }] = await dataSource.query('SELECT count(*)::int AS users FROM app_user WHERE lower(email) = lower($1)', [first.email]);
    expect(users).toBe(1);
  });

  it('adds an admin to an existing organisation found by its code, without needing its name', async () => {
    const first = await createAdmin(dataSource, options('shared'));
    const second = await createAdmin(dataSource, options('shared', { organisationName: undefined, email: `second-${run}@cli.example` }));

    expect(second.organisationCreated).toBe(false);
    expect(second.organisationId).toBe(first.organisationId);
    expect(second.userId).not.toBe(first.userId);
    expect(second.setupCode).not.toBe(first.setupCode);
  });

  it('refuses an unknown organisation code without a name, and malformed input, before writing anything', async () => {
    await expect(createAdmin(dataSource, options('nameless', { organisationName: undefined }))).rejects.toThrow(/--organisation-name/);
    await expect(createAdmin(dataSource, options('bad', { organisationCode: 'Not_A_Code', email: 'no-at-sign' }))).rejects.toThrow(
      /organisation code.*e-mail address is not valid/,
    );
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM organisation WHERE code LIKE $1', [
      `cli-nameless-${run}`,
    ]);
    expect(count).toBe(0);
  });

  it('opens and closes its own connection when given a database URL', async () => {
    const created = await createAdmin(loadDatabaseUrl(), options('by-url'));
    const [{ roles }] = await dataSource.query('SELECT roles FROM app_user WHERE id = $1', [created.userId]);
    expect(roles).toEqual(['admin']);
  });
});

describe('loadDatabaseUrl', () => {
  it('returns a postgres URL and refuses a missing or malformed one without echoing it', () => {
    expect(loadDatabaseUrl({ DATABASE_URL: 'postgres://u:p@localhost:5432/db' })).toBe('postgres://u:p@localhost:5432/db');
    expect(() => loadDatabaseUrl({})).toThrow(ConfigurationError);
    expect(() => loadDatabaseUrl({ DATABASE_URL: '' })).toThrow(/DATABASE_URL is required/);
    const malformed = (() => {
      try {
        loadDatabaseUrl({ DATABASE_URL: 'mysql://secret-password@db' });
      } catch (error) {
        return error as Error;
      }
    })();
    expect(malformed).toBeInstanceOf(ConfigurationError);
    expect(malformed!.message).toMatch(/DATABASE_URL is malformed/);
    expect(malformed!.message).not.toContain('secret-password');
  });
});
