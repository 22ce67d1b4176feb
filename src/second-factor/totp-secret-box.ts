import { keyFromHex, keyIdOf, open, seal } from '../crypto/sealed-box.js';

/** A TOTP secret as stored: AES-256-GCM ciphertext (iv, tag, data; base64url) and the id of the key that sealed it. */
export interface SealedSecret {
  ciphertext: string;
  keyId: string;
}

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
    this.key = keyFromHex(hexKey, 'the TOTP encryption key');
    this.keyId = keyIdOf(this.key);
  }

  seal(secret: string, userId: string): SealedSecret {
    return { ciphertext: seal(this.key, Buffer.from(secret, 'utf8'), userId).toString('base64url'), keyId: this.keyId };
  }

  /** Throws when the key id differs or the ciphertext was altered or belongs to another user. */
  open(sealed: SealedSecret, userId: string): string {
    if (sealed.keyId !== this.keyId) throw new Error(`TOTP secret sealed under key ${sealed.keyId}, not the configured key`);
    return open(this.key, Buffer.from(sealed.ciphertext, 'base64url'), userId).toString('utf8');
  }
}
