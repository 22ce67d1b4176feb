/**
 * `npm run cli -- rotate-keys` on databases of its own (a data database migrated from scratch and a
 * key store), since rotation touches every key and every row: a legacy plaintext and a value sealed
 * under the old master key both end up readable with the new master key alone.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { rotateKeys } from '../../../src/cli/rotate-keys.js';
import { DataKeyRing } from '../../../src/crypto/data-key-ring.js';
import { dataSourceOptions } from '../../../src/database/data-source-options.js';
import { isBlindKey } from '../../../src/key-store/blind-index.js';
import { FieldVault } from '../../../src/key-store/field-vault.js';
import { KeyStore } from '../../../src/key-store/key-store.js';
import { SEALED_COLUMNS } from '../../../src/key-store/sealed-columns.js';
import { makeOrganisation } from '../../support/factories.js';
import { createMigratedScratchDatabase, createScratchDatabase, type ScratchDatabase } from '../../support/scratch-database.js';

const hexKey = () => randomBytes(32).toString('hex');

describe('rotate-keys', () => {
  let dataDb: ScratchDatabase;
  let keysDb: ScratchDatabase;
  let data: DataSource;
  const [oldKey, newKey] = [hexKey(), hexKey()];
  const stores: KeyStore[] = [];
  const store = async (keys: string[]) => {
    const opened = await KeyStore.connect(keysDb.url, new DataKeyRing(keys));
    stores.push(opened);
    return opened;
  };

  beforeAll(async () => {
    [dataDb, keysDb] = [await createMigratedScratchDatabase('rotate_data'), await createScratchDatabase('rotate_keys')];
    data = new DataSource(dataSourceOptions(dataDb.url));
    await data.initialize();
  });

  afterAll(async () => {
    for (const opened of stores) await opened.close();
    await data?.destroy();
    await dataDb?.drop();
    await keysDb?.drop();
  });

  async function insertRequest(organisationId: string, officerId: string, circumstances: string | null): Promise<string> {
    const id = randomUUID();
    await data.query(
      `INSERT INTO tracing_request (id, reference, organisation_id, officer_id, status, circumstances)
       VALUES ($1, $2, $3, $4, 'submitted', $5)`,
      [id, `TR-2026-${String(randomBytes(3).readUIntBE(0, 3)).padStart(8, '0')}`, organisationId, officerId, circumstances],
    );
    return id;
  }

  it('re-wraps old keys, seals older plaintext, validates the constraints, and the old master key can go', async () => {
    const org = await makeOrganisation(data);
    const sealedBefore = await insertRequest(org.id, org.users.officer.id, null);
    const sealedText = await new FieldVault(await store([oldKey])).seal(
      { id: sealedBefore, type: 'request' },
      'circumstances',
      'sealed before',
    );
    await data.query(`UPDATE tracing_request SET circumstances = $2 WHERE id = $1`, [sealedBefore, sealedText]);

    // The database refuses plaintext in a sealed column …
    await expect(insertRequest(org.id, org.users.officer.id, 'plain text')).rejects.toThrow(/tracing_request_circumstances_sealed/);
    // … so a row from before encryption at rest is made as the migration found them: under a NOT VALID constraint.
    await data.query(`ALTER TABLE tracing_request DROP CONSTRAINT tracing_request_circumstances_sealed`);
    const legacy = await insertRequest(org.id, org.users.officer.id, 'written before encryption (test)');
    await data.query(
      `ALTER TABLE tracing_request ADD CONSTRAINT tracing_request_circumstances_sealed
         CHECK (circumstances IS NULL OR circumstances LIKE 'enc:v1:%') NOT VALID`,
    );

    const progress: number[] = [];
    const report = await rotateKeys(data, await store([newKey, oldKey]), { chunk: 1, onProgress: (r) => progress.push(r.sealedLegacy) });
    expect(report).toEqual({ rewrapped: 1, sealedLegacy: 1, reindexed: 0 });
    expect(progress.length).toBeGreaterThan(0);

    const rows: { id: string; circumstances: string }[] = await data.query(
      `SELECT id, circumstances FROM tracing_request WHERE id = ANY ($1)`,
      [[sealedBefore, legacy]],
    );
    expect(rows.every((row) => row.circumstances.startsWith('enc:v1:'))).toBe(true);
    const vault = new FieldVault(await store([newKey]));
    const opened = Object.fromEntries(
      await Promise.all(
        rows.map(async (row) => [row.id, await vault.open({ id: row.id, type: 'request' }, 'circumstances', row.circumstances)]),
      ),
    );
    expect(opened).toEqual({ [sealedBefore]: 'sealed before', [legacy]: 'written before encryption (test)' });

    const constraints: { conname: string; convalidated: boolean }[] = await data.query(
      `SELECT conname, convalidated FROM pg_constraint WHERE conname = ANY ($1) ORDER BY conname`,
      [SEALED_COLUMNS.map((c) => `${c.table}_${c.column}_sealed`)],
    );
    expect(constraints).toHaveLength(SEALED_COLUMNS.length);
    expect(constraints.every((c) => c.convalidated)).toBe(true);
    expect(await rotateKeys(data, await store([newKey]))).toEqual({ rewrapped: 0, sealedLegacy: 0, reindexed: 0 });
  });

  it('seals a person written before names were sealed – all of a row at once – and stores their keys as blind indexes', async () => {
    const org = await makeOrganisation(data);
    const requestId = await insertRequest(org.id, org.users.officer.id, null);
    const personId = randomUUID();
    const checks = ['place_of_birth', 'last_known_place', 'birth_date_original', 'match_profile'];
    // As the migration found such a row: plaintext under NOT VALID constraints, a plaintext profile.
    for (const column of checks) await data.query(`ALTER TABLE person_record DROP CONSTRAINT person_record_${column}_sealed`);
    await data.query(`ALTER TABLE name_variant DROP CONSTRAINT name_variant_value_sealed`);
    await data.query(`ALTER TABLE person_name_key DROP CONSTRAINT person_name_key_key_blind`);
    await data.query(
      `INSERT INTO person_record (id, request_id, organisation_id, role, position, relationship_to_enquirer, legal_basis, status,
                                  place_of_birth, last_known_place, match_profile)
       VALUES ($1, $2, $3, 'sought', 1, 'child', 'vital_interest', 'searching', 'Kassala', 'Tripoli',
               '{"names":[{"value":"Selam Tesfay","part":"full"}],"placeOfBirth":"Kassala"}')`,
      [personId, requestId, org.id],
    );
    await data.query(`INSERT INTO name_variant (person_id, position, part, value) VALUES ($1, 0, 'full', 'Selam Tesfay')`, [personId]);
    await data.query(
      `INSERT INTO person_name_key (organisation_id, key, person_id, is_target, matcher_version) VALUES ($1, 's:SLM', $2, true, 1)`,
      [org.id, personId],
    );
    for (const column of checks) {
      await data.query(
        `ALTER TABLE person_record ADD CONSTRAINT person_record_${column}_sealed CHECK (${column} IS NULL OR ${column} LIKE 'enc:v1:%') NOT VALID`,
      );
    }
    await data.query(`ALTER TABLE name_variant ADD CONSTRAINT name_variant_value_sealed CHECK (value LIKE 'enc:v1:%') NOT VALID`);
    await data.query(`ALTER TABLE person_name_key ADD CONSTRAINT person_name_key_key_blind CHECK (key LIKE '_%:#%') NOT VALID`);

    const key = newKey;
    const report = await rotateKeys(data, await store([key]));
    expect(report).toMatchObject({ sealedLegacy: 4, reindexed: 1 });

    const [person] = await data.query(`SELECT place_of_birth, last_known_place, match_profile FROM person_record WHERE id = $1`, [
      personId,
    ]);
    const [name] = await data.query(`SELECT value FROM name_variant WHERE person_id = $1`, [personId]);
    expect(JSON.stringify([person, name])).not.toMatch(/Kassala|Tripoli|Selam|Tesfay/);
    const vault = new FieldVault(await store([key]));
    const subject = { id: personId, type: 'person' as const };
    expect(await vault.open(subject, 'place_of_birth', person.place_of_birth)).toBe('Kassala');
    expect(await vault.open(subject, 'name', name.value)).toBe('Selam Tesfay');
    expect(JSON.parse((await vault.open(subject, 'match_profile', person.match_profile))!)).toEqual({
      names: [{ value: 'Selam Tesfay', part: 'full' }],
      placeOfBirth: 'Kassala',
    });
    const keys: { key: string; is_target: boolean }[] = await data.query(
      `SELECT key, is_target FROM person_name_key WHERE person_id = $1`,
      [personId],
    );
    expect(keys.length).toBeGreaterThan(1);
    expect(keys.every((k) => isBlindKey(k.key) && k.is_target)).toBe(true);
    const [blind] = await data.query(`SELECT convalidated FROM pg_constraint WHERE conname = 'person_name_key_key_blind'`);
    expect(blind.convalidated).toBe(true);
  });
});
