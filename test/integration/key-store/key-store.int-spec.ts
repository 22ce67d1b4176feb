import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataKeyRing } from '../../../src/crypto/data-key-ring.js';
import { FieldVault } from '../../../src/key-store/field-vault.js';
import { BLIND_INDEX_SUBJECT_ID, KeyStore, SubjectErasedError } from '../../../src/key-store/key-store.js';
import { createScratchDatabase, type ScratchDatabase } from '../../support/scratch-database.js';

const hexKey = () => randomBytes(32).toString('hex');

/** The key store on a PostgreSQL database of its own, made for this file (rotation touches every key in it). */
describe('key store', () => {
  let scratch: ScratchDatabase;
  let url: string;
  const opened: KeyStore[] = [];
  const open = async (keys: string[]) => {
    const store = await KeyStore.connect(url, new DataKeyRing(keys));
    opened.push(store);
    return store;
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase('keystore');
    url = scratch.url;
  });

  afterAll(async () => {
    for (const store of opened) await store.close();
    await scratch?.drop();
  });

  it('makes one key per subject however many writers ask at once, and gives it back later', async () => {
    const store = await open([hexKey()]);
    const subject = { id: randomUUID(), type: 'person' as const };
    const keys = await Promise.all(Array.from({ length: 6 }, () => store.dataKeyFor(subject)));
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
    expect((await store.dataKeyFor(subject)).equals(keys[0])).toBe(true);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT wrapped FROM data_key WHERE subject_id = $1`, [subject.id]);
      expect(rows).toHaveLength(1);
      // Stored wrapped, never as the key itself.
      expect((rows[0].wrapped as Buffer).includes(keys[0])).toBe(false);
    } finally {
      await client.end();
    }
  });

  it('destroys keys for good: what they sealed no longer opens, and no new key is made for an erased subject', async () => {
    const store = await open([hexKey()]);
    const person = { id: randomUUID(), type: 'person' as const };
    const stored = await new FieldVault(store).seal(person, 'contact_details', 'Phone +000 555 (test)');
    await store.destroy([person, { id: randomUUID(), type: 'candidate' }]);
    await expect(new FieldVault(store).open(person, 'contact_details', stored)).rejects.toThrow(SubjectErasedError);
    await expect(store.dataKeyFor(person)).rejects.toThrow(SubjectErasedError);
    expect(await store.erasedSubjects()).toEqual(expect.arrayContaining([{ id: person.id, type: 'person' }]));
  });

  it('makes the keys of a bulk load in one write, keeps the keys that exist, and makes none for an erased subject', async () => {
    const store = await open([hexKey()]);
    const known = { id: randomUUID(), type: 'person' as const };
    const erased = { id: randomUUID(), type: 'person' as const };
    const knownKey = await store.dataKeyFor(known);
    await store.destroy([erased]);
    const fresh = Array.from({ length: 3 }, () => randomUUID());
    const keys = await store.keysFor([known.id, erased.id, ...fresh]);
    expect([...keys.keys()].sort()).toEqual([known.id, ...fresh].sort());
    expect(keys.get(known.id)).toEqual(knownKey);
    // What was made is what the store gives back to anyone asking later.
    for (const id of fresh) expect(await store.dataKeyFor({ id, type: 'person' })).toEqual(keys.get(id));
  });

  it('keeps the blind-index key apart: one key, made once, that no erasure can destroy', async () => {
    const store = await open([hexKey()]);
    const [a, b] = await Promise.all([store.blindIndexKey(), store.blindIndexKey()]);
    expect(a).toEqual(b);
    await store.destroy([{ id: BLIND_INDEX_SUBJECT_ID, type: 'person' }]);
    expect(await store.blindIndexKey()).toEqual(a);
    expect((await store.erasedSubjects()).map((s) => s.id)).not.toContain(BLIND_INDEX_SUBJECT_ID);
  });

  it('rotates: re-wraps every key under the newest master key while the old one is still configured, values unchanged', async () => {
    const [oldKey, newKey] = [hexKey(), hexKey()];
    // Rotation takes every key of the store: start from an empty one.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DELETE FROM data_key`).finally(() => client.end());
    const before = await open([oldKey]);
    const subjects = Array.from({ length: 5 }, () => ({ id: randomUUID(), type: 'request' as const }));
    const sealed = await Promise.all(subjects.map((s) => new FieldVault(before).seal(s, 'circumstances', `text of ${s.id}`)));

    const during = await open([newKey, oldKey]);
    let rewrapped = 0;
    for (let n = await during.rewrapStale(2); n > 0; n = await during.rewrapStale(2)) rewrapped += n;
    expect(rewrapped).toBe(subjects.length);
    expect(await during.rewrapStale(100)).toBe(0);

    // The old master key can go: the newest alone opens everything sealed before the rotation.
    const after = await open([newKey]);
    const texts = await Promise.all(subjects.map((s, i) => new FieldVault(after).open(s, 'circumstances', sealed[i])));
    expect(texts).toEqual(subjects.map((s) => `text of ${s.id}`));
  });
});
