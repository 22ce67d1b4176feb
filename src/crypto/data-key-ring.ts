import { keyFromHex, keyIdOf, newDataKey, open, seal } from './sealed-box.js';

/** A person's data key as the key store keeps it: sealed under a master key, named by that key's id. */
export interface WrappedDataKey {
  masterKeyId: string;
  wrapped: Buffer;
}

/**
 * The master keys that seal each person's data key, from configuration: the newest wraps, every
 * listed one unwraps, so a rotation re-wraps in the background while both are configured. Data keys
 * live in a key store apart from the data (decision to come with encryption at rest): destroying a
 * person's wrapped key there makes every copy of their ciphertext unreadable, backups included.
 * The person's id is bound to the wrapping, so a wrapped key moved to another person does not open.
 */
export class DataKeyRing {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  /** `hexKeys`: master keys as 64 hex characters each, newest first. */
  constructor(hexKeys: readonly string[]) {
    if (hexKeys.length === 0) throw new Error('at least one master key is needed');
    for (const [index, hex] of hexKeys.entries()) {
      const key = keyFromHex(hex, `master key ${index + 1}`);
      this.keys.set(keyIdOf(key), key);
    }
    this.currentKeyId = keyIdOf(keyFromHex(hexKeys[0], 'master key 1'));
  }

  /** A fresh data key for a person, and its wrapped form for the key store. */
  create(personId: string): { dataKey: Buffer; stored: WrappedDataKey } {
    const dataKey = newDataKey();
    return { dataKey, stored: this.wrap(dataKey, personId) };
  }

  wrap(dataKey: Buffer, personId: string): WrappedDataKey {
    return { masterKeyId: this.currentKeyId, wrapped: seal(this.keyById(this.currentKeyId), dataKey, `data-key:${personId}`) };
  }

  unwrap(stored: WrappedDataKey, personId: string): Buffer {
    return open(this.keyById(stored.masterKeyId), stored.wrapped, `data-key:${personId}`);
  }

  /** Whether a stored key should be re-wrapped under the newest master key (rotation). */
  isStale(stored: WrappedDataKey): boolean {
    return stored.masterKeyId !== this.currentKeyId;
  }

  private keyById(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new Error(`master key ${id} is not configured`);
    return key;
  }
}
