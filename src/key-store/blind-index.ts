import { createHmac } from 'node:crypto';
import { KEY_BYTES } from '../crypto/sealed-box.js';

/** What follows a kind's prefix in a keyed hash; a plain key never has it (names hold no '#'). */
const BLIND_MARK = '#';
const HASH_BYTES = 16;

/**
 * Blind indexes of blocking keys (the design of CipherSweet; decision 0028): each engine key
 * `kind:value` is stored as `kind:#` + the first 128 bits of HMAC-SHA-256(blind-index key, key).
 * Equal keys still meet in an index lookup, so blocking works unchanged, but a stolen dump holds
 * no phonetic code, skeleton or name class – nothing to read a name from or to look one up by
 * without the key, which lives in the key store. The kind stays in the clear: blocking weighs a
 * shared key by its kind (candidate-blocking.ts), and a kind says nothing about a name.
 */
export class BlindIndex {
  constructor(private readonly key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error('a blind-index key has 32 bytes');
  }

  /** The stored form of one blocking key. */
  of(key: string): string {
    const colon = key.indexOf(':');
    if (colon <= 0) throw new Error('a blocking key is kind:value');
    const digest = createHmac('sha256', this.key).update(key, 'utf8').digest().subarray(0, HASH_BYTES);
    return `${key.slice(0, colon)}:${BLIND_MARK}${digest.toString('base64url')}`;
  }

  /** The stored forms of a record's keys, distinct and sorted, as the engine gives its own. */
  ofAll(keys: readonly string[]): string[] {
    return [...new Set(keys.map((key) => this.of(key)))].sort();
  }
}

/** Whether a stored key is a blind index (keys written before decision 0028 are plain). */
export function isBlindKey(stored: string): boolean {
  return stored.charAt(stored.indexOf(':') + 1) === BLIND_MARK;
}
