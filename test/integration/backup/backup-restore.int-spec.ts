/**
 * Backup and restore with the erasure log: a backup taken before an erasure, restored after it,
 * brings the erased request back nowhere, and its sealed values (as the backup holds them) no longer
 * open. Runs the service on a data database and a key store of its own, since a restore replaces
 * the whole database.
 */
import 'reflect-metadata';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { backupDatabase } from '../../../src/backup/backup.js';
import { restoreWithErasures } from '../../../src/backup/restore-with-erasures.js';
import { FieldVault } from '../../../src/key-store/field-vault.js';
import { KeyStore, SubjectErasedError } from '../../../src/key-store/key-store.js';
import { makeOrganisation } from '../../support/factories.js';
import { createMigratedScratchDatabase, createScratchDatabase, type ScratchDatabase } from '../../support/scratch-database.js';
import { loginAs } from '../../support/http.js';
import { makeRequestBody } from '../../support/request-bodies.js';
import { startStack, type TestStack } from '../../support/stack.js';

describe('backup and restore', () => {
  let dataDb: ScratchDatabase;
  let keysDb: ScratchDatabase;
  let dataUrl: string;
  let keysUrl: string;
  let stack: TestStack | undefined;
  let folder: string;

  beforeAll(async () => {
    [dataDb, keysDb] = [await createMigratedScratchDatabase('restore_data'), await createScratchDatabase('restore_keys')];
    [dataUrl, keysUrl] = [dataDb.url, keysDb.url];
    folder = await mkdtemp(join(tmpdir(), 'rfl-backup-'));
  });

  afterAll(async () => {
    await stack?.stop();
    await dataDb?.drop();
    await keysDb?.drop();
    await rm(folder, { recursive: true, force: true });
  });

  it('never brings an erased request back, and what the backup holds of it no longer opens', async () => {
    stack = await startStack({ DATABASE_URL: dataUrl, KEYSTORE_DATABASE_URL: keysUrl });
    const org = await makeOrganisation(stack.db);
    const officer = await loginAs(stack.api, org.users.officer);
    const body = makeRequestBody();
    body.circumstances = 'Separated at the border crossing (restore test).';
    const erased = (await officer.post('/v1/tracing-requests', body).expect(201)).body;
    const kept = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    const erasedPeople = [erased.enquirer.id, erased.soughtPeople[0].id];

    const dump = await backupDatabase(dataUrl, folder, 'data');
    expect((await stat(dump)).mode & 0o777).toBe(0o600);
    const [sealed] = await stack.db.query(`SELECT circumstances FROM tracing_request WHERE id = $1`, [erased.id]);
    expect(sealed.circumstances).toMatch(/^enc:v1:/);

    const adminSession = await loginAs(stack.api, org.users.admin);
    await adminSession.post(`/v1/tracing-requests/${erased.id}/erase`, { reasonCode: 'data_subject_request' }).expect(204);
    // The service stops for a restore.
    await stack.stop();
    stack = undefined;

    const env = { DATABASE_URL: dataUrl, KEYSTORE_DATABASE_URL: keysUrl, DATA_KEY_MASTER_KEYS: process.env.DATA_KEY_MASTER_KEYS! };
    expect(await restoreWithErasures(env, dump)).toEqual({ requests: 1, persons: 0, candidates: 0 });

    const db = new DataSource({ type: 'postgres', url: dataUrl });
    await db.initialize();
    try {
      const [left] = await db.query(
        `SELECT (SELECT count(*) FROM tracing_request WHERE id = $1)::int AS requests,
                (SELECT count(*) FROM person_record WHERE id = ANY ($2::uuid[]))::int AS persons,
                (SELECT count(*) FROM person_contact WHERE person_id = ANY ($2::uuid[]))::int AS contacts,
                (SELECT count(*) FROM name_variant WHERE person_id = ANY ($2::uuid[]))::int AS names,
                (SELECT count(*) FROM person_name_key WHERE person_id = ANY ($2::uuid[]))::int AS keys,
                (SELECT count(*) FROM tracing_request WHERE id = $3)::int AS kept`,
        [erased.id, erasedPeople, kept.id],
      );
      expect(left).toEqual({ requests: 0, persons: 0, contacts: 0, names: 0, keys: 0, kept: 1 });
      const tombstones = await db.query(`SELECT entity_type FROM erasure_tombstone WHERE entity_id = ANY ($1::uuid[]) ORDER BY 1`, [
        [erased.id, ...erasedPeople],
      ]);
      // The restored data had no tombstones yet: they are written again, as the erasure wrote them.
      expect(tombstones.map((t: { entity_type: string }) => t.entity_type)).toEqual(['person_record', 'person_record', 'tracing_request']);
    } finally {
      await db.destroy();
    }

    const keys = await KeyStore.fromSettings(env);
    try {
      await expect(new FieldVault(keys).open({ id: erased.id, type: 'request' }, 'circumstances', sealed.circumstances)).rejects.toThrow(
        SubjectErasedError,
      );
    } finally {
      await keys.close();
    }
  });
});
