import { ConfigurationError, corsOrigins, loadEnvironment } from './environment.js';

const valid = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(40),
  KEYSTORE_DATABASE_URL: 'postgres://k:p@127.0.0.1:5432/keys',
  DATA_KEY_MASTER_KEYS: 'a'.repeat(64),
};

describe('loadEnvironment', () => {
  it('needs the key store and its master keys, names neither value, and takes several keys newest first', () => {
    const { KEYSTORE_DATABASE_URL: _keys, DATA_KEY_MASTER_KEYS: _master, ...rest } = valid;
    expect(() => loadEnvironment(rest)).toThrow(/KEYSTORE_DATABASE_URL is required[\s\S]*DATA_KEY_MASTER_KEYS is required/);
    const secret = 'f'.repeat(63);
    try {
      loadEnvironment({ ...valid, DATA_KEY_MASTER_KEYS: secret });
      throw new Error('accepted a malformed key');
    } catch (error) {
      expect((error as Error).message).toMatch(/DATA_KEY_MASTER_KEYS is malformed/);
      expect((error as Error).message).not.toContain(secret);
    }
    expect(loadEnvironment({ ...valid, DATA_KEY_MASTER_KEYS: `${'b'.repeat(64)},${'a'.repeat(64)}` }).DATA_KEY_MASTER_KEYS).toContain(',');
  });

  it('accepts a complete environment and applies defaults', () => {
    const env = loadEnvironment(valid);
    expect(env.PORT).toBe(3000);
    expect(env.TOKEN_TTL_SECONDS).toBe(900);
  });

  it('converts numeric settings from strings', () => {
    expect(loadEnvironment({ ...valid, PORT: '4100' }).PORT).toBe(4100);
  });

  it('names every missing setting at once', () => {
    expect(() => loadEnvironment({})).toThrow(ConfigurationError);
    try {
      loadEnvironment({});
    } catch (error) {
      expect((error as ConfigurationError).problems).toEqual(
        expect.arrayContaining(['DATABASE_URL is required', 'REDIS_URL is required', 'JWT_SECRET is required']),
      );
    }
  });

  it('never prints the value of a sensitive setting', () => {
    const secret = 'short-secret-value';
    expect(() => loadEnvironment({ ...valid, JWT_SECRET: secret })).toThrow(/JWT_SECRET is malformed/);
    expect(() => loadEnvironment({ ...valid, JWT_SECRET: secret })).not.toThrow(new RegExp(secret));
  });

  it('checks the TOTP encryption key without printing it', () => {
    const key = 'g'.repeat(64);
    expect(() => loadEnvironment({ ...valid, TOTP_ENCRYPTION_KEY: key })).toThrow(/TOTP_ENCRYPTION_KEY is malformed/);
    expect(() => loadEnvironment({ ...valid, TOTP_ENCRYPTION_KEY: key })).not.toThrow(new RegExp(key));
    expect(loadEnvironment({ ...valid, TOTP_ENCRYPTION_KEY: 'a1'.repeat(32) }).TOTP_ENCRYPTION_KEY).toBe('a1'.repeat(32));
  });

  it('rejects a port out of range with its name', () => {
    expect(() => loadEnvironment({ ...valid, PORT: '70000' })).toThrow(/PORT/);
  });

  it('keeps webhooks on https with documented retry defaults unless told otherwise', () => {
    const env = loadEnvironment(valid);
    expect(env.WEBHOOK_ALLOW_HTTP_LOOPBACK).toBe('false');
    expect([env.WEBHOOK_ATTEMPTS, env.WEBHOOK_BACKOFF_MS, env.WEBHOOK_TIMEOUT_MS]).toEqual([12, 10_000, 10_000]);
    expect(() => loadEnvironment({ ...valid, WEBHOOK_ALLOW_HTTP_LOOPBACK: 'yes' })).toThrow(/WEBHOOK_ALLOW_HTTP_LOOPBACK/);
  });

  it('keeps HTTP defences on by default: body limit, no CORS, rate limits', () => {
    const env = loadEnvironment(valid);
    expect(env.BODY_LIMIT_KB).toBe(256);
    expect(corsOrigins(env)).toEqual([]);
    expect(env.TRUST_PROXY_HOPS).toBe(0);
    expect([env.RATE_LIMIT_LOGIN_PER_MINUTE, env.RATE_LIMIT_WRITES_PER_MINUTE, env.RATE_LIMIT_READS_PER_MINUTE]).toEqual([10, 120, 600]);
    expect(() => loadEnvironment({ ...valid, RATE_LIMIT_LOGIN_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_LOGIN_PER_MINUTE/);
  });

  it('reads CORS_ORIGINS as exact origins and refuses wildcards and paths', () => {
    const env = loadEnvironment({ ...valid, CORS_ORIGINS: ' https://Tracing.Example.org , http://127.0.0.1:8080,https://a.example:443' });
    expect(corsOrigins(env)).toEqual(['https://tracing.example.org', 'http://127.0.0.1:8080', 'https://a.example']);
    for (const bad of ['*', 'https://*.example.org', 'https://a.example/path', 'tracing.example.org', 'https://a.example,,']) {
      expect(() => loadEnvironment({ ...valid, CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS/);
    }
  });
});
