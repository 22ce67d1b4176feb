import { keyIdOf, open, seal } from '../crypto/sealed-box.js';
import type { ErasedSubject } from './key-store.js';

/** Where the vault gets a subject's data key: the key store (key-store.ts). */
export interface DataKeySource {
  dataKeyFor(subject: ErasedSubject): Promise<Buffer>;
}

/** How a sealed field starts; anything else stored in a sealed column is legacy plaintext (see isSealed). */
const PREFIX = 'enc:v1:';
const MEMO_LIMIT = 5_000;

/** The sensitive free-text fields, each sealed with its subject's key and bound to its own name. */
export type SealedField = 'contact_details' | 'current_whereabouts' | 'circumstances' | 'decision_note' | 'consent_message';

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
  private readonly memo = new Map<string, Buffer>();

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
  async open(subject: ErasedSubject, field: SealedField, stored: string | null): Promise<string | null> {
    if (stored === null) return null;
    // Written before encryption at rest and not yet sealed by `cli rotate-keys`.
    if (!isSealed(stored)) return stored;
    const [keyId, body] = stored.slice(PREFIX.length).split(':');
    const key = await this.keyFor(subject);
    if (keyIdOf(key) !== keyId) throw new Error('a sealed value names a data key its subject does not have');
    return open(key, Buffer.from(body ?? '', 'base64url'), `${subject.id}/${field}`).toString('utf8');
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
    if (this.memo.size >= MEMO_LIMIT) this.memo.delete(this.memo.keys().next().value as string);
    this.memo.set(subject.id, key);
    return key;
  }
}
