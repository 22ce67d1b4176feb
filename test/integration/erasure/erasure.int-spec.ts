/**
 * Erasure through HTTP on the real Postgres, Redis, queue and worker: after an admin erases a
 * request, no table holds a row of its people (by id) but the tombstone and the audit trail, no
 * text column and no Redis key holds any string they were recorded with, and their sealed values,
 * as a backup taken before would hold them, no longer open (their keys are destroyed).
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { FieldVault, type SealedField } from '../../../src/key-store/field-vault.js';
import { KeyStore, SubjectErasedError, type SubjectType } from '../../../src/key-store/key-store.js';
import { rememberedNameCount } from '../../../src/matching/engine/normalise-name.js';
import { MATCHER_VERSION } from '../../../src/matching/engine/person-for-matching.js';
import { MatchingQueue } from '../../../src/queue/matching-queue.js';
import { countDomainRows } from '../../support/domain-rows.js';
import { personStrings } from '../../support/person-strings.js';
import { addUser, makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { decide, reviewFlow } from '../../support/review-flow.js';
import { startStack, type TestStack } from '../../support/stack.js';
import { eventually } from '../../support/test-app.js';

/** Tables whose rows outlive an erasure by design: ids and codes only. */
const KEPT = new Set(['erasure_tombstone', 'audit_event', 'migrations']);

describe('erasure', () => {
  let stack: TestStack;
  let api: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;
  let officer: Session;
  let reviewer: Session;
  let admin: Session;

  beforeAll(async () => {
    stack = await startStack();
    ({ api, db } = stack);
    org = await makeOrganisation(db);
    officer = await loginAs(api, org.users.officer);
    reviewer = await loginAs(api, org.users.reviewer);
    admin = await loginAs(api, org.users.admin);
  });

  afterAll(() => stack.stop());

  /**
   * Every text a request's people's rows hold, the sealed ones opened (names, places, contact), and
   * its circumstances, as stored. A text the other request's people also hold (a shared name) is
   * that other person's data and stays with them; dates and codes are not a person's words.
   */
  async function textsOf(requestId: string, otherRequestId: string): Promise<string[]> {
    const peopleOf = async (id: string) =>
      (await db.query(`SELECT id FROM person_record WHERE request_id = $1`, [id])).map((r: { id: string }) => r.id);
    const others = new Set(await personStrings(db, await peopleOf(otherRequestId)));
    const own = await personStrings(db, await peopleOf(requestId));
    const [{ circumstances }] = await db.query(`SELECT circumstances FROM tracing_request WHERE id = $1`, [requestId]);
    return [...own.filter((t) => !others.has(t) && t.length >= 4 && !/^\d{4}-\d{2}-\d{2}$/.test(t)), circumstances];
  }

  /** The request's sealed free texts as stored, and the decision notes of one candidate. */
  async function sealedValuesOf(requestId: string, candidateId: string) {
    const rows: { subjectId: string; type: SubjectType; field: SealedField; stored: string }[] = await db.query(
      `SELECT id AS "subjectId", 'request' AS type, 'circumstances' AS field, circumstances AS stored FROM tracing_request WHERE id = $1
       UNION ALL SELECT c.person_id, 'person', 'contact_details', c.contact_details FROM person_contact c
         JOIN person_record p ON p.id = c.person_id WHERE p.request_id = $1 AND c.contact_details IS NOT NULL
       UNION ALL SELECT c.person_id, 'person', 'current_whereabouts', c.current_whereabouts FROM person_contact c
         JOIN person_record p ON p.id = c.person_id WHERE p.request_id = $1 AND c.current_whereabouts IS NOT NULL
       UNION ALL SELECT candidate_id, 'candidate', 'decision_note', note FROM review_decision WHERE candidate_id = $2 AND note IS NOT NULL
       UNION ALL SELECT n.person_id, 'person', 'name', n.value FROM name_variant n
         JOIN person_record p ON p.id = n.person_id WHERE p.request_id = $1
       UNION ALL SELECT id, 'person', 'match_profile', match_profile FROM person_record WHERE request_id = $1`,
      [requestId, candidateId],
    );
    for (const row of rows) expect(row.stored).toMatch(/^enc:v1:/);
    return rows.map((row) => ({ subject: { id: row.subjectId, type: row.type }, field: row.field, stored: row.stored }));
  }

  /** Rows in any table (but those kept by design) with one of the ids in any uuid column. */
  async function rowsNaming(ids: string[]): Promise<string[]> {
    const columns: { table_name: string; column_name: string }[] = await db.query(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type = 'uuid'`,
    );
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      if (KEPT.has(table_name)) continue;
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}" = ANY($1::uuid[])`, [ids]);
      if (n > 0) found.push(`${table_name}.${column_name}`);
    }
    return found;
  }

  /** Text, JSON and array columns of every table, the kept ones included, holding one of the strings. */
  async function columnsHolding(texts: string[]): Promise<string[]> {
    const columns: { table_name: string; column_name: string }[] = await db.query(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
    );
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM "${table_name}" WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE strpos("${column_name}"::text, s) > 0)`,
        [texts],
      );
      if (n > 0) found.push(`${table_name}.${column_name}`);
    }
    return found;
  }

  /** Every Redis key and value (strings, hashes, lists, sets, sorted sets, streams) holding one of the needles. */
  async function redisHolding(needles: string[]): Promise<string[]> {
    const redis = new Redis(stack.settings.REDIS_URL);
    try {
      const found: string[] = [];
      for (const key of await redis.keys('*')) {
        const type = await redis.type(key);
        const value =
          type === 'string'
            ? await redis.get(key)
            : type === 'hash'
              ? JSON.stringify(await redis.hgetall(key))
              : type === 'list'
                ? JSON.stringify(await redis.lrange(key, 0, -1))
                : type === 'set'
                  ? JSON.stringify(await redis.smembers(key))
                  : type === 'zset'
                    ? JSON.stringify(await redis.zrange(key, 0, -1))
                    : type === 'stream'
                      ? JSON.stringify(await redis.xrange(key, '-', '+'))
                      : '';
        if (needles.some((needle) => key.includes(needle) || (value ?? '').includes(needle))) found.push(key);
      }
      return found;
    } finally {
      redis.disconnect();
    }
  }

  it('erases a request everywhere, keeping a tombstone with its reference, and the other side searches again', async () => {
    const foundCaseworker = await addUser(db, org, 'caseworker');
    const flow = reviewFlow(db, officer);
    const { a, b, found } = await flow.reciprocalPair(
      { caseworkerId: org.users.caseworker.id, circumstances: 'Separated at the river crossing (erasure test).' },
      { caseworkerId: foundCaseworker.id },
    );
    // Decisions with notes, a check, a consent with a message: everything that cascades.
    await decide(reviewer, found.id, {
      decision: 'confirm',
      reasonCode: 'reciprocal_search',
      note: `Note about ${a.reference} erasure-note`,
    });
    await reviewer
      .post(`/v1/finds/${found.id}/identity-checks`, { outcome: 'passed', methods: ['documents_seen'], reasonCode: 'documents_verified' })
      .expect(200);
    await (
      await loginAs(api, foundCaseworker)
    )
      .post(`/v1/finds/${found.id}/consents`, {
        decision: 'granted',
        scopes: ['found', 'message'],
        message: 'erasure-message kept private',
      })
      .expect(201);
    const mirror = await flow.candidateBetween(a.enquirer.id, b.soughtPeople[0].id);
    await eventually(async () => (await flow.personStatus(b.soughtPeople[0].id)) === 'possible_match');

    const ids = [a.id, a.enquirer.id, a.soughtPeople[0].id];
    const texts = [...(await textsOf(a.id, b.id)), 'river crossing', 'erasure-note', 'erasure-message'];
    expect(texts.length).toBeGreaterThan(4);
    // "A backup taken before": the sealed values as stored, with the subjects whose keys seal them.
    const backup = await sealedValuesOf(a.id, found.id);
    expect([...new Set(backup.map((b) => b.field))].sort()).toEqual([
      'circumstances',
      'contact_details',
      'current_whereabouts',
      'decision_note',
      'match_profile',
      'name',
    ]);
    const vaultBefore = new FieldVault(stack.api.get(KeyStore));
    for (const value of backup) expect(await vaultBefore.open(value.subject, value.field, value.stored)).toMatch(/\S/);

    // A bulk re-score's chunk job lists the people it matches: the erasure must remove it too.
    const queue = stack.api.get(MatchingQueue);
    const finished = (await queue.counts()).completed;
    await queue.addMatchChunk({ people: [{ personId: a.soughtPeople[0].id, personVersion: 1 }], matcherVersion: MATCHER_VERSION });
    await eventually(async () => (await queue.counts()).completed > finished && (await queue.backlog()) === 0);

    await officer.post(`/v1/tracing-requests/${a.id}/erase`, { reasonCode: 'data_subject_request' }).expect(403);
    const before = await countDomainRows(db);
    await admin.post(`/v1/tracing-requests/${a.id}/erase`, { reasonCode: 'because' }).expect(400);
    expect(await countDomainRows(db)).toEqual(before);
    expect(rememberedNameCount()).toBeGreaterThan(0);
    await admin.post(`/v1/tracing-requests/${a.id}/erase`, { reasonCode: 'data_subject_request' }).expect(204);
    // The worker (in this process) heard of it and forgot every name it remembered.
    await eventually(async () => rememberedNameCount() === 0);

    expect(await rowsNaming(ids)).toEqual([]);
    expect(await columnsHolding(texts)).toEqual([]);
    expect(await redisHolding([...texts, ...ids])).toEqual([]);
    const tombstones = await db.query(`SELECT entity_type, request_reference FROM erasure_tombstone WHERE entity_id = ANY($1::uuid[])`, [
      ids,
    ]);
    expect(tombstones).toHaveLength(3);
    expect(tombstones.every((t: { request_reference: string }) => t.request_reference === a.reference)).toBe(true);
    await officer.get(`/v1/tracing-requests/${a.id}`).expect(404);
    // Its candidates went with it; the other request's sought person, whose candidate it was, searches again.
    expect(await db.query(`SELECT 1 FROM candidate_match WHERE id = $1`, [mirror.id])).toEqual([]);
    expect(await flow.personStatus(b.soughtPeople[0].id)).toBe('searching');
    const [event] = await db.query(`SELECT action, reason_code FROM audit_event WHERE entity_id = $1 AND action LIKE 'erasure.%'`, [a.id]);
    expect(event).toEqual({ action: 'erasure.request', reason_code: 'data_subject_request' });
    await admin.post(`/v1/tracing-requests/${a.id}/erase`, { reasonCode: 'data_subject_request' }).expect(404);

    // Crypto-shredding: the keys are gone from the key store, their subjects in its erasure log, and
    // the values of the backup no longer open – not even in a process that never saw them.
    const subjects = [...new Set(backup.map((b) => b.subject.id))];
    const keyStore = new pg.Client({ connectionString: process.env.KEYSTORE_DATABASE_URL });
    await keyStore.connect();
    try {
      expect((await keyStore.query(`SELECT subject_id FROM data_key WHERE subject_id = ANY ($1::uuid[])`, [subjects])).rows).toEqual([]);
      const logged = await keyStore.query(`SELECT subject_id FROM erasure_log WHERE subject_id = ANY ($1::uuid[])`, [subjects]);
      expect(logged.rows.map((r: { subject_id: string }) => r.subject_id).sort()).toEqual([...subjects].sort());
    } finally {
      await keyStore.end();
    }
    const freshVault = new FieldVault(stack.api.get(KeyStore));
    for (const value of backup) {
      await expect(freshVault.open(value.subject, value.field, value.stored)).rejects.toThrow(SubjectErasedError);
    }
  });

  it('erases one sought person of several, but the enquirer and the last sought person only with the request', async () => {
    const body = (await import('../../support/request-bodies.js')).makeRequestBody();
    body.soughtPeople.push({ ...body.soughtPeople[0], relationshipToEnquirer: 'sibling' });
    const request = (await officer.post('/v1/tracing-requests', body).expect(201)).body;
    const [first, second] = request.soughtPeople.map((p: { id: string }) => p.id);
    await admin
      .post(`/v1/tracing-requests/${request.id}/persons/${request.enquirer.id}/erase`, { reasonCode: 'recorded_in_error' })
      .expect(409);
    await admin.post(`/v1/tracing-requests/${request.id}/persons/${first}/erase`, { reasonCode: 'recorded_in_error' }).expect(204);
    expect(await rowsNaming([first])).toEqual([]);
    await admin.post(`/v1/tracing-requests/${request.id}/persons/${second}/erase`, { reasonCode: 'recorded_in_error' }).expect(409);
    const left = (await officer.get(`/v1/tracing-requests/${request.id}`).expect(200)).body;
    expect(left.soughtPeople.map((p: { id: string }) => p.id)).toEqual([second]);
    const stranger = await loginAs(api, (await makeOrganisation(db)).users.admin);
    await stranger.post(`/v1/tracing-requests/${request.id}/erase`, { reasonCode: 'recorded_in_error' }).expect(404);
  });
});
