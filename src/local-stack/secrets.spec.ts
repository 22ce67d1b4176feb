import { mkdtemp, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSecrets, parseSecrets } from './secrets.js';

describe('loadOrCreateSecrets', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rfl-secrets-'));
    file = join(dir, 'secrets.json');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates a 0600 file with a password and a 64-hex JWT secret', async () => {
    const secrets = await loadOrCreateSecrets(file);
    expect(secrets.jwtSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(secrets.totpEncryptionKey).toMatch(/^[0-9a-f]{64}$/);
    expect(secrets.totpEncryptionKey).not.toBe(secrets.jwtSecret);
    expect(secrets.dataMasterKey).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([secrets.jwtSecret, secrets.totpEncryptionKey, secrets.dataMasterKey]).size).toBe(3);
    expect(secrets.postgresPassword.length).toBeGreaterThanOrEqual(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(secrets);
  });

  it('adds a TOTP encryption key to a file written before it existed, keeping the rest', async () => {
    const old = { postgresPassword: 'p'.repeat(48), jwtSecret: 'a'.repeat(64) };
    await writeFile(file, JSON.stringify(old), { mode: 0o600 });
    const secrets = await loadOrCreateSecrets(file);
    expect(secrets).toMatchObject(old);
    expect(secrets.totpEncryptionKey).toMatch(/^[0-9a-f]{64}$/);
    expect(secrets.dataMasterKey).toMatch(/^[0-9a-f]{64}$/);
    expect(await loadOrCreateSecrets(file)).toEqual(secrets);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('adds a data master key to a file from before encryption at rest, keeping its TOTP key', async () => {
    const old = { postgresPassword: 'p'.repeat(48), jwtSecret: 'a'.repeat(64), totpEncryptionKey: 'b'.repeat(64) };
    await writeFile(file, JSON.stringify(old), { mode: 0o600 });
    const secrets = await loadOrCreateSecrets(file);
    expect(secrets).toMatchObject(old);
    expect(secrets.dataMasterKey).toMatch(/^[0-9a-f]{64}$/);
    expect(await loadOrCreateSecrets(file)).toEqual(secrets);
  });

  it('returns the same secrets on every later start', async () => {
    const first = await loadOrCreateSecrets(file);
    expect(await loadOrCreateSecrets(file)).toEqual(first);
  });

  it('agrees on one set of secrets when two starts race', async () => {
    const [a, b] = await Promise.all([loadOrCreateSecrets(file), loadOrCreateSecrets(file)]);
    expect(a).toEqual(b);
  });

  it('tightens a file someone made readable to others', async () => {
    await loadOrCreateSecrets(file);
    await chmod(file, 0o644);
    await loadOrCreateSecrets(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses to replace a damaged file (the cluster password is in it)', async () => {
    await writeFile(file, '{ not json', { mode: 0o600 });
    await expect(loadOrCreateSecrets(file)).rejects.toThrow(/not valid JSON/);
    expect(await readFile(file, 'utf8')).toBe('{ not json');
  });
});

describe('parseSecrets', () => {
  const password = 'p'.repeat(32);
  it('rejects a JWT secret that is not 64 hex characters', () => {
    expect(() => parseSecrets(JSON.stringify({ postgresPassword: password, jwtSecret: 'short' }), 'f')).toThrow(/jwtSecret/);
  });
  it('rejects a missing password', () => {
    expect(() => parseSecrets(JSON.stringify({ jwtSecret: 'a'.repeat(64) }), 'f')).toThrow(/postgresPassword/);
  });
});
