import fc from 'fast-check';
import { newDataKey } from '../crypto/sealed-box.js';
import { FieldVault, isSealed, type DataKeySource } from './field-vault.js';
import type { ErasedSubject } from './key-store.js';

/** An in-memory key source standing in for the key store (whose own test runs on PostgreSQL). */
class MemoryKeys implements DataKeySource {
  readonly keys = new Map<string, Buffer>();
  calls = 0;
  async dataKeyFor(subject: ErasedSubject): Promise<Buffer> {
    this.calls += 1;
    let key = this.keys.get(subject.id);
    if (!key) this.keys.set(subject.id, (key = newDataKey()));
    return key;
  }
  async keysFor(ids: readonly string[]): Promise<Map<string, Buffer>> {
    return new Map(await Promise.all(ids.map(async (id) => [id, await this.dataKeyFor({ id, type: 'person' })] as const)));
  }
  batchReads = 0;
  async existingKeys(ids: readonly string[]): Promise<Map<string, Buffer>> {
    this.batchReads += 1;
    return new Map(ids.flatMap((id) => (this.keys.has(id) ? [[id, this.keys.get(id)!] as const] : [])));
  }
}

const alice: ErasedSubject = { id: '00000000-0000-4000-8000-000000000001', type: 'person' };
const bob: ErasedSubject = { id: '00000000-0000-4000-8000-000000000002', type: 'person' };

describe('FieldVault', () => {
  it('opens what it sealed, for any text, and never stores the text itself', async () => {
    const vault = new FieldVault(new MemoryKeys());
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), async (text) => {
        const stored = await vault.seal(alice, 'contact_details', text);
        expect(isSealed(stored)).toBe(true);
        if (text.length >= 4) expect(stored).not.toContain(text);
        expect(await vault.open(alice, 'contact_details', stored)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('seals the same text differently each time (a fresh nonce), so equal texts do not show', async () => {
    const vault = new FieldVault(new MemoryKeys());
    expect(await vault.seal(alice, 'circumstances', 'same')).not.toBe(await vault.seal(alice, 'circumstances', 'same'));
  });

  it('refuses a value moved to another subject or another field, and an altered one', async () => {
    const vault = new FieldVault(new MemoryKeys());
    const stored = await vault.seal(alice, 'contact_details', 'Phone +000 555');
    await expect(vault.open(bob, 'contact_details', stored)).rejects.toThrow();
    await expect(vault.open(alice, 'current_whereabouts', stored)).rejects.toThrow();
    const body = stored.slice(stored.lastIndexOf(':') + 1);
    const flipped = `${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    await expect(vault.open(alice, 'contact_details', stored.replace(body, flipped))).rejects.toThrow();
  });

  it('keeps null as null, and reads plaintext written before encryption at rest as it is', async () => {
    const vault = new FieldVault(new MemoryKeys());
    expect(await vault.seal(alice, 'decision_note', null)).toBeNull();
    expect(await vault.open(alice, 'decision_note', null)).toBeNull();
    expect(await vault.open(alice, 'decision_note', 'an old note')).toBe('an old note');
  });

  it('remembers keys until told to forget them', async () => {
    const keys = new MemoryKeys();
    const vault = new FieldVault(keys);
    await vault.seal(alice, 'circumstances', 'one');
    await vault.seal(alice, 'circumstances', 'two');
    expect(keys.calls).toBe(1);
    vault.forget([alice.id]);
    await vault.seal(alice, 'circumstances', 'three');
    expect(keys.calls).toBe(2);
    vault.forget();
    await vault.seal(alice, 'circumstances', 'four');
    expect(keys.calls).toBe(3);
  });

  it('preloads the keys of many subjects in one read, and opens their values without another', async () => {
    const keys = new MemoryKeys();
    const writer = new FieldVault(keys);
    const sealed = [await writer.seal(alice, 'match_profile', 'A'), await writer.seal(bob, 'match_profile', 'B')];
    const reader = new FieldVault(keys);
    const callsBefore = keys.calls;
    await reader.preload([alice.id, bob.id, '00000000-0000-4000-8000-00000000000f']);
    expect(keys.batchReads).toBe(1);
    expect(await reader.open(alice, 'match_profile', sealed[0])).toBe('A');
    expect(await reader.open(bob, 'match_profile', sealed[1])).toBe('B');
    expect(keys.calls).toBe(callsBefore);
    // Everything known already: no read at all.
    await reader.preload([alice.id, bob.id]);
    expect(keys.batchReads).toBe(1);
  });
});
