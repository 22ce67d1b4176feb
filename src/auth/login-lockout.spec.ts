import { loadEnvironment } from '../config/environment.js';
import { afterFailure, isLocked, type LockoutPolicy } from './login-lockout.js';

describe('login lockout', () => {
  const policy: LockoutPolicy = { limit: 5, windowSeconds: 900, lockoutSeconds: 900 };
  const t0 = new Date('2026-11-26T10:00:00Z');
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

  it('locks on the fifth failure within fifteen minutes, for fifteen minutes, and starts the count over', () => {
    let state = { count: 0, windowStart: null as Date | null };
    for (let i = 0; i < 4; i += 1) {
      const next = afterFailure(state, at(i * 60), policy);
      expect(next.lockUntil).toBeNull();
      state = next.state;
    }
    expect(state).toEqual({ count: 4, windowStart: t0 });
    const fifth = afterFailure(state, at(300), policy);
    expect(fifth.lockUntil).toEqual(at(300 + 900));
    expect(fifth.state).toEqual({ count: 0, windowStart: null });
  });

  it('starts a new window for a failure after the window has passed', () => {
    const next = afterFailure({ count: 4, windowStart: t0 }, at(900), policy);
    expect(next).toEqual({ state: { count: 1, windowStart: at(900) }, lockUntil: null });
  });

  it('locks at once with a limit of one', () => {
    expect(afterFailure({ count: 0, windowStart: null }, t0, { ...policy, limit: 1 }).lockUntil).toEqual(at(900));
  });

  it('is locked strictly before the end of the lock', () => {
    expect(isLocked(null, t0)).toBe(false);
    expect(isLocked(at(1), t0)).toBe(true);
    expect(isLocked(t0, t0)).toBe(false);
  });

  it('documents its defaults as settings: 5 failures in 900 s lock for 900 s; challenges last 300 s', () => {
    const env = loadEnvironment({
      DATABASE_URL: 'postgres://x/y',
      REDIS_URL: 'redis://x',
      JWT_SECRET: 'x'.repeat(40),
      KEYSTORE_DATABASE_URL: 'postgres://x/k',
      DATA_KEY_MASTER_KEYS: 'a'.repeat(64),
    });
    expect(env).toMatchObject({
      LOGIN_FAILURE_LIMIT: 5,
      LOGIN_FAILURE_WINDOW_SECONDS: 900,
      LOGIN_LOCKOUT_SECONDS: 900,
      SECOND_FACTOR_CHALLENGE_SECONDS: 300,
    });
    expect(env.TOTP_ENCRYPTION_KEY).toBeUndefined();
  });
});
