import { Secret, TOTP } from 'otpauth';
import { acceptedTotpStep, isTotpCodeShape, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpUri } from './totp-codes.js';

describe('TOTP codes', () => {
  const secret = newTotpSecret();
  const now = 1_790_000_000_000;
  const step = Math.floor(now / 30_000);
  const codeAt = (ms: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: ms });

  it('gives an otpauth URI with the secret and six digits every 30 seconds', () => {
    const uri = totpUri(secret, 'officer@example.org');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('digits=6');
    expect(uri).toContain('period=30');
  });

  it('accepts the current code and one step either side, naming the step', () => {
    expect(acceptedTotpStep(secret, codeAt(now), now, null)).toBe(step);
    expect(acceptedTotpStep(secret, codeAt(now - 30_000), now, null)).toBe(step - 1);
    expect(acceptedTotpStep(secret, codeAt(now + 30_000), now, null)).toBe(step + 1);
    expect(acceptedTotpStep(secret, codeAt(now - 90_000), now, null)).toBeNull();
  });

  it('takes only six digits as a TOTP code, nothing around them', () => {
    expect(isTotpCodeShape('123456')).toBe(true);
    for (const code of ['12345', '1234567', 'a123456', '123456a', ' 123456', '12 456']) expect(isTotpCodeShape(code)).toBe(false);
    expect(acceptedTotpStep(secret, `${codeAt(now)}0`, now, null)).toBeNull();
  });

  it('refuses a code of a step already used, or older', () => {
    expect(acceptedTotpStep(secret, codeAt(now), now, step)).toBeNull();
    expect(acceptedTotpStep(secret, codeAt(now - 30_000), now, step)).toBeNull();
    expect(acceptedTotpStep(secret, codeAt(now + 30_000), now, step)).toBe(step + 1);
  });

  it('refuses anything that is not six digits', () => {
    for (const code of ['', '12345', '1234567', 'abcdef', ' 123456', '12 345'])
      expect(acceptedTotpStep(secret, code, now, null)).toBeNull();
  });

  it('makes ten distinct recovery codes that normalise to ten base32 characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
      expect(normaliseRecoveryCode(code.toUpperCase().replace('-', ' - '))).toBe(code.replace('-', ''));
    }
  });

  it('rejects recovery codes of the wrong shape without hashing them', () => {
    for (const code of ['', 'abc', '123456', 'abcde-abcde-a', 'abcde-abcd1', 'äbcde-abcde']) expect(normaliseRecoveryCode(code)).toBeNull();
  });
});
