import type { DataSource } from 'typeorm';
import { isBlindKey } from '../../../src/key-store/blind-index.js';
import { lockMatchSubject } from '../../../src/matching/match-subject.js';
import { openTestKeyStore } from '../../support/key-store.js';
import { makeOrganisation } from '../../support/factories.js';
import { loginAs } from '../../support/http.js';
import { makeRequestBody, uniqueName } from '../../support/request-bodies.js';
import { startStack, type TestStack } from '../../support/stack.js';
import { eventually } from '../../support/test-app.js';

describe('the record a match job is about, read and locked in one statement', () => {
  let stack: TestStack;
  let db: DataSource;
  let keys: Awaited<ReturnType<typeof openTestKeyStore>>;

  beforeAll(async () => {
    keys = await openTestKeyStore();
    // The reconciler stays out of the way: this file holds row locks on purpose.
    stack = await startStack({ RECONCILE_INTERVAL_MS: '3600000' });
    db = stack.db;
  });

  afterAll(async () => {
    await keys.keys.close();
    await stack.stop();
  });

  it('locks the request before the person, as every writer does, and reads everything the job needs', async () => {
    const organisation = await makeOrganisation(db);
    const officer = await loginAs(stack.api, organisation.users.officer);
    const body = makeRequestBody({
      soughtPeople: [{ relationshipToEnquirer: 'child', names: [{ value: `Amina ${uniqueName()}`, part: 'full' }] }],
    });
    const request = (await officer.post('/v1/tracing-requests', body).expect(201)).body;
    const personId: string = request.soughtPeople[0].id;
    // Let the worker's own job for the new record finish, so its locks are not the ones seen here.
    await eventually(async () => (await db.query(`SELECT 1 FROM match_run WHERE person_id = $1`, [personId])).length > 0);

    const writer = db.createQueryRunner();
    const probe = db.createQueryRunner();
    await writer.connect();
    await probe.connect();
    try {
      await writer.startTransaction();
      await writer.query(`SELECT 1 FROM person_record WHERE id = $1 FOR NO KEY UPDATE`, [personId]);
      // The job's statement waits for the person...
      const job = db.transaction(async (manager) => {
        const locked = await lockMatchSubject(manager, keys.vault, personId);
        // The same statement let the job's transaction commit without waiting for the disk (decision 0033).
        const [{ synchronous_commit: commit }] = await manager.query(`SHOW synchronous_commit`);
        return { locked, commit };
      });
      // (pg_stat_activity keeps the statement's first kilobyte only: matched by its beginning)
      await eventually(async () => {
        const waiting = await probe.query(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%r.lifecycle, r.status AS "requestStatus"%'`,
        );
        return waiting.length > 0;
      });
      // ...holding the request already: a writer asking for the request now is refused at once.
      await probe.startTransaction();
      await expect(probe.query(`SELECT 1 FROM tracing_request WHERE id = $1 FOR NO KEY UPDATE NOWAIT`, [request.id])).rejects.toThrow(
        /could not obtain lock/,
      );
      await probe.rollbackTransaction();
      await writer.commitTransaction();

      const { locked: subject, commit } = await job;
      expect(commit).toBe('off');
      expect((await db.query(`SHOW synchronous_commit`))[0].synchronous_commit).toBe('on');
      expect(subject).not.toHaveProperty('commitsLazily');
      expect(subject).toMatchObject({
        id: personId,
        requestId: request.id,
        organisationId: organisation.id,
        lifecycle: 'open',
        role: 'sought',
        version: 1,
        agreesToBeFound: true,
        keysCurrent: true,
        organisationIds: [organisation.id],
      });
      // Stored sealed, opened for the job (decision 0028); the keys are blind indexes.
      expect(subject?.names).toEqual([{ value: body.soughtPeople[0].names[0].value, part: 'full' }]);
      expect(subject?.keys.length).toBeGreaterThan(0);
      expect(subject?.keys.every(isBlindKey)).toBe(true);
      const [stored] = await db.query(`SELECT match_profile AS profile FROM person_record WHERE id = $1`, [personId]);
      expect(stored.profile).toMatch(/^enc:v1:/);
      expect(stored.profile).not.toContain('Amina');
    } finally {
      if (writer.isTransactionActive) await writer.rollbackTransaction();
      if (probe.isTransactionActive) await probe.rollbackTransaction();
      await writer.release();
      await probe.release();
    }
  });

  it('returns nothing for a person that does not exist', async () => {
    await expect(
      db.transaction((manager) => lockMatchSubject(manager, keys.vault, '00000000-0000-4000-8000-000000000000')),
    ).resolves.toBeNull();
  });
});
