import { randomBytes } from 'node:crypto';
import { TotpSecretBox } from './totp-secret-box.js';

describe('TotpSecretBox', () => {
  const key = randomBytes(32).toString('hex');
  const box = new TotpSecretBox(key);
  const userId = '6f1d2c4e-0000-4000-8000-000000000001';
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

  it('opens what it sealed, and the ciphertext shows neither the secret nor the key', () => {
    const sealed = box.seal(secret, userId);
    expect(box.open(sealed, userId)).toBe(secret);
    expect(sealed.ciphertext).not.toContain(secret);
    expect(sealed.ciphertext).not.toContain(Buffer.from(secret).toString('base64url'));
    expect(sealed.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(key).not.toContain(sealed.keyId);
  });

  it('seals the same secret differently every time (fresh IV)', () => {
    expect(box.seal(secret, userId).ciphertext).not.toBe(box.seal(secret, userId).ciphertext);
  });

  it('refuses another key, an altered ciphertext and another user', () => {
    const sealed = box.seal(secret, userId);
    const other = new TotpSecretBox(randomBytes(32).toString('hex'));
    expect(() => other.open(sealed, userId)).toThrow(/key/);
    expect(() => other.open({ ...sealed, keyId: other.keyId }, userId)).toThrow();
    const raw = Buffer.from(sealed.ciphertext, 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(() => box.open({ ...sealed, ciphertext: raw.toString('base64url') }, userId)).toThrow();
    expect(() => box.open(sealed, '6f1d2c4e-0000-4000-8000-000000000002')).toThrow();
  });

  it('refuses a key that is not 64 hex characters', () => {
    expect(() => new TotpSecretBox('abc')).toThrow(/64 hex/);
  });
});
