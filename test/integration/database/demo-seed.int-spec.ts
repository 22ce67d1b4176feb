import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { seedDemoData } from '../../../src/database/demo-seed/seed-demo-data.js';
import { type BlindIndex, isBlindKey } from '../../../src/key-store/blind-index.js';
import type { FieldVault } from '../../../src/key-store/field-vault.js';
import type { KeyStore } from '../../../src/key-store/key-store.js';
import { openTestKeyStore } from '../../support/key-store.js';
import { createMigratedScratchDatabase, type ScratchDatabase } from '../../support/scratch-database.js';

describe('demo seed', () => {
  let database: ScratchDatabase;
  let url: string;
  let keys: KeyStore;
  let vault: FieldVault;
  let index: BlindIndex;

  beforeAll(async () => {
    ({ keys, vault, index } = await openTestKeyStore());
    database = await createMigratedScratchDatabase('demo');
    url = database.url;
  });

  afterAll(async () => {
    await database?.drop();
    await keys.close();
  });

  it('fills an empty database once, with requests in four scripts queued for matching, and leaves a used one alone', async () => {
    const accounts = await seedDemoData(url, vault, index);
    expect(accounts?.map((a) => a.role).sort()).toEqual([
      'admin',
      'admin',
      'auditor',
      'auditor',
      'caseworker',
      'caseworker',
      'officer',
      'officer',
      'reviewer',
      'reviewer',
    ]);
    const db = new DataSource({ type: 'postgres', url });
    await db.initialize();
    try {
      const [{ requests }] = await db.query(`SELECT count(*)::int AS requests FROM tracing_request`);
      expect(requests).toBeGreaterThanOrEqual(190);
      const scripts = (await db.query(`SELECT DISTINCT script FROM name_variant ORDER BY 1`)).map((r: { script: string }) => r.script);
      expect(scripts).toEqual(expect.arrayContaining(['Arab', 'Cyrl', 'Ethi', 'Latn']));
      const [{ pending, persons }] = await db.query(
        `SELECT (SELECT count(*)::int FROM outbox_message WHERE dispatched_at IS NULL) AS pending, (SELECT count(*)::int FROM person_record) AS persons`,
      );
      expect(pending).toBe(persons);
      const [{ keyed }] = await db.query(`SELECT count(DISTINCT person_id)::int AS keyed FROM person_name_key`);
      expect(keyed).toBe(persons);
      // The demo's free texts are sealed as the service seals them, and open with the request's key.
      const [texts] = await db.query(
        `SELECT count(*) FILTER (WHERE circumstances IS NOT NULL)::int AS written,
                count(*) FILTER (WHERE circumstances LIKE 'enc:v1:%')::int AS sealed,
                min(id::text) FILTER (WHERE circumstances IS NOT NULL) AS "someId" FROM tracing_request`,
      );
      expect(texts.written).toBeGreaterThan(0);
      expect(texts.sealed).toBe(texts.written);
      const [one] = await db.query(`SELECT circumstances FROM tracing_request WHERE id = $1`, [texts.someId]);
      expect(await vault.open({ id: texts.someId, type: 'request' }, 'circumstances', one.circumstances)).toMatch(/\S/);
      const [contacts] = await db.query(
        `SELECT count(*)::int AS n FROM person_contact WHERE contact_details NOT LIKE 'enc:v1:%' OR current_whereabouts NOT LIKE 'enc:v1:%'`,
      );
      expect(contacts.n).toBe(0);
      // Names, places and the words of birth dates too, and blocking keys are blind indexes (decision 0028).
      const [plain] = await db.query(
        `SELECT (SELECT count(*)::int FROM name_variant WHERE value NOT LIKE 'enc:v1:%') AS names,
                (SELECT count(*)::int FROM person_record
                  WHERE match_profile IS NULL OR match_profile NOT LIKE 'enc:v1:%' OR place_of_birth NOT LIKE 'enc:v1:%'
                     OR last_known_place NOT LIKE 'enc:v1:%' OR birth_date_original NOT LIKE 'enc:v1:%') AS people`,
      );
      expect(plain).toEqual({ names: 0, people: 0 });
      const storedKeys: { key: string }[] = await db.query(`SELECT key FROM person_name_key`);
      expect(storedKeys.filter((k) => !isBlindKey(k.key))).toEqual([]);
      const [named] = await db.query(`SELECT person_id AS "personId", value FROM name_variant ORDER BY person_id, position LIMIT 1`);
      expect(await vault.open({ id: named.personId, type: 'person' }, 'name', named.value)).toMatch(/\S/);
      expect(await seedDemoData(url, vault, index)).toBeNull();
      const [{ again }] = await db.query(`SELECT count(*)::int AS again FROM tracing_request`);
      expect(again).toBe(requests);
    } finally {
      await db.destroy();
    }
  });
});
