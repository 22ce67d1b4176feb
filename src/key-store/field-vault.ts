import { LRUCache } from 'lru-cache';
import { keyIdOf, open, seal } from '../crypto/sealed-box.js';
import type { ErasedSubject } from './key-store.js';

/** Where the vault gets a subject's data key: the key store (key-store.ts). */
export interface DataKeySource {
  dataKeyFor(subject: ErasedSubject): Promise<Buffer>;
  /** The keys that exist among `ids`, in one read: none for an erased subject. */
  existingKeys(ids: readonly string[]): Promise<Map<string, Buffer>>;
  /** Keys for all of `ids`, the missing ones made in one write: none for an erased subject. */
  keysFor(ids: readonly string[]): Promise<Map<string, Buffer>>;
}

/** How a sealed field starts; anything else stored in a sealed column is legacy plaintext (see isSealed). */
const PREFIX = 'enc:v1:';

/** The sensitive fields, each sealed with its subject's key and bound to its own name. */
export type SealedField =
  | 'contact_details'
  | 'current_whereabouts'
  | 'circumstances'
  | 'decision_note'
  | 'consent_message'
  | 'name'
  | 'place_of_birth'
  | 'last_known_place'
  | 'birth_date_original'
  | 'match_profile';

/** Keys fetched for one batch of subjects by `preload`. */
export type PreloadedKeys = ReadonlyMap<string, Buffer>;

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/**
 * Seals and opens the service's most sensitive free texts with a key per subject (decision 0024):
 * `enc:v1:<data key id>:<AES-256-GCM sealed, base64url>`. The subject's id and the field's name are
 * bound in as associated data, so a value copied to another record or column does not open.
 * Keys are remembered in a small bounded memo, emptied for erased subjects.
 */
export class FieldVault {
  /** Least recently used first out (lru-cache): see the name memo in normalise-name.ts for why not a Map. */
  private readonly memo = new LRUCache<string, Buffer>({ max: 5_000 });

  constructor(private readonly keys: DataKeySource) {}

  async seal(subject: ErasedSubject, field: SealedField, plaintext: string): Promise<string>;
  async seal(subject: ErasedSubject, field: SealedField, plaintext: string | null): Promise<string | null>;
  async seal(subject: ErasedSubject, field: SealedField, plaintext: string | null): Promise<string | null> {
    if (plaintext === null) return null;
    const key = await this.keyFor(subject);
    const sealed = seal(key, Buffer.from(plaintext, 'utf8'), `${subject.id}/${field}`);
    return `${PREFIX}${keyIdOf(key)}:${sealed.toString('base64url')}`;
  }

  /** Throws SubjectErasedError when the subject's key is gone, and on any altered or misplaced value. */
  async open(subject: ErasedSubject, field: SealedField, stored: string | null, preloaded?: PreloadedKeys): Promise<string | null> {
    if (stored === null) return null;
    // Written before encryption at rest and not yet sealed by `cli rotate-keys`.
    if (!isSealed(stored)) return stored;
    const [keyId, body] = stored.slice(PREFIX.length).split(':');
    const key = preloaded?.get(subject.id) ?? (await this.keyFor(subject));
    if (keyIdOf(key) !== keyId) throw new Error('a sealed value names a data key its subject does not have');
    return open(key, Buffer.from(body ?? '', 'base64url'), `${subject.id}/${field}`).toString('utf8');
  }

  /**
   * Fetches, in one read of the key store, the keys of those subjects not in the memo: a match job
   * opens a few hundred candidates' profiles, and a read per candidate would cost a round trip
   * each. A subject without a key (erased since, or never sealed for) stays out; opening a sealed
   * value of theirs then fails as `open` does. Returns the keys found, for `open` to use: a batch
   * larger than the memo (a chunk of a bulk re-score) would otherwise push its first keys out of
   * the memo before they are used, and each would be read again on its own.
   */
  async preload(subjectIds: readonly string[]): Promise<PreloadedKeys> {
    const keys = new Map<string, Buffer>();
    const missing: string[] = [];
    for (const id of new Set(subjectIds)) {
      const known = this.memo.get(id);
      if (known) keys.set(id, known);
      else missing.push(id);
    }
    if (missing.length === 0) return keys;
    for (const [id, key] of await this.keys.existingKeys(missing)) {
      this.remember(id, key);
      keys.set(id, key);
    }
    return keys;
  }

  /** Makes, in one write, the keys of many new subjects about to be sealed for (a bulk load). */
  async prepare(subjectIds: readonly string[]): Promise<void> {
    const missing = [...new Set(subjectIds)].filter((id) => !this.memo.has(id));
    if (missing.length === 0) return;
    for (const [id, key] of await this.keys.keysFor(missing)) this.remember(id, key);
  }

  /** After an erasure, in every process: the erased subjects' keys must not outlive them in memory. */
  forget(ids?: readonly string[]): void {
    if (!ids) this.memo.clear();
    else for (const id of ids) this.memo.delete(id);
  }

  private async keyFor(subject: ErasedSubject): Promise<Buffer> {
    const known = this.memo.get(subject.id);
    if (known) return known;
    const key = await this.keys.dataKeyFor(subject);
    this.remember(subject.id, key);
    return key;
  }

  private remember(id: string, key: Buffer): void {
    this.memo.set(id, key);
  }
}
