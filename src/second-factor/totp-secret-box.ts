import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A TOTP secret as stored: AES-256-GCM ciphertext (iv, tag, data; base64url) and the id of the key that sealed it. */
export interface SealedSecret {
  ciphertext: string;
  keyId: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals TOTP secrets under one configured key, so a database dump alone does not give them away.
 * The key id (a hash prefix of the key, never the key) is stored beside each secret, so a rotated
 * key is noticed instead of yielding garbage. The user id is bound in as associated data: a
 * ciphertext copied onto another account's row does not open.
 */
export class TotpSecretBox {
  private readonly key: Buffer;
  readonly keyId: string;

  constructor(hexKey: string) {
    if (!/^[0-9a-fA-F]{64}$/.test(hexKey)) throw new Error('the TOTP encryption key must be 64 hex characters');
    this.key = Buffer.from(hexKey, 'hex');
    this.keyId = createHash('sha256').update(this.key).digest('hex').slice(0, 16);
  }

  seal(secret: string, userId: string): SealedSecret {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(userId));
    const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url'), keyId: this.keyId };
  }

  /** Throws when the key id differs or the ciphertext was altered or belongs to another user. */
  open(sealed: SealedSecret, userId: string): string {
    if (sealed.keyId !== this.keyId) throw new Error(`TOTP secret sealed under key ${sealed.keyId}, not the configured key`);
    const raw = Buffer.from(sealed.ciphertext, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}
