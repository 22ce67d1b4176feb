/**
 * The candidate upsert writes a pair only as it was scored: both records still at the versions
 * scored, both requests still open. A job (or a chunk of a bulk re-score) reads its candidates
 * before it writes, and an officer may edit or withdraw one of them in between.
 */
import type { DataSource } from 'typeorm';
import { upsertCandidates } from '../../../src/matching/candidate-writer.js';
import { MATCHER_VERSION } from '../../../src/matching/engine/person-for-matching.js';
import type { PairScore } from '../../../src/matching/engine/score-pair.js';
import type { Session } from '../../support/http.js';
import { startMatchingStack, type MatchingStack } from '../../support/matching-stack.js';
import { makeRequestBody, uniqueName } from '../../support/request-bodies.js';
import { eventually } from '../../support/test-app.js';

interface StoredPair {
  organisationId: string;
  a: string;
  b: string;
  versionA: number;
  versionB: number;
  requestB: string;
  score: number;
  reviewStatus: string;
  result: Omit<PairScore, 'score'>;
}

describe('the candidate upsert', () => {
  let stack: MatchingStack;
  let db: DataSource;
  let officer: Session;
  let pair: StoredPair;

  beforeAll(async () => {
    // The workers' own reconciler stays out of the way: the pair is written by hand here.
    stack = await startMatchingStack({ RECONCILE_INTERVAL_MS: '3600000' });
    ({ db, officer } = stack);
    const family = uniqueName();
    const created: { id: string; version: number; soughtPeople: { id: string }[] }[] = [];
    for (const value of [`Yusuf ${family}`, `Youssef ${family}`]) {
      const body = makeRequestBody({
        soughtPeople: [{ relationshipToEnquirer: 'sibling', names: [{ value, part: 'full' }], birthDate: { kind: 'year', year: 1988 } }],
      });
      created.push((await officer.post('/v1/tracing-requests', body).expect(201)).body);
    }
    // One record edited, so the two versions differ and each must go with its own record.
    const [first] = created;
    await officer
      .patch(`/v1/tracing-requests/${first.id}`, {
        version: first.version,
        persons: [{ id: first.soughtPeople[0].id, names: [{ value: `Yusuf ${family}`, part: 'full' }], sex: 'male' }],
      })
      .expect(200);
    const ids = created.map((request) => request.soughtPeople[0].id);
    // Every record's job for its current version done, so nothing but this file writes the pair from now on.
    await eventually(async () => {
      const waiting = await db.query(
        `SELECT 1 FROM person_record p WHERE p.id = ANY($1)
           AND NOT EXISTS (SELECT 1 FROM match_run m WHERE m.person_id = p.id AND m.person_version = p.version AND m.matcher_version = $2)`,
        [ids, MATCHER_VERSION],
      );
      return waiting.length === 0;
    }, 30_000);
    pair = await readPair(ids);
    expect(pair.versionA).not.toBe(pair.versionB);
  });

  afterAll(() => stack.stop());

  async function readPair(ids: string[]): Promise<StoredPair> {
    const [row] = await db.query(
      `SELECT c.organisation_id AS "organisationId", c.person_a_id AS a, c.person_b_id AS b, pa.version AS "versionA",
              pb.version AS "versionB", pb.request_id AS "requestB", c.score, c.review_status AS "reviewStatus", c.band, c.roles, c.evidence
       FROM candidate_match c JOIN person_record pa ON pa.id = c.person_a_id JOIN person_record pb ON pb.id = c.person_b_id
       WHERE c.person_a_id = ANY($1) AND c.person_b_id = ANY($1) AND c.matcher_version = $2`,
      [ids, MATCHER_VERSION],
    );
    expect(row).toBeDefined();
    const { band, roles, evidence, ...rest } = row;
    return { ...rest, result: { band, roles, evidence } };
  }

  /** Writes the pair from one side, as a job about `from` would, with the versions it scored. */
  const write = (score: number, from: 'a' | 'b', versions: { a: number; b: number }) => {
    const [personId, candidateId] = from === 'a' ? [pair.a, pair.b] : [pair.b, pair.a];
    const [personVersion, candidateVersion] = from === 'a' ? [versions.a, versions.b] : [versions.b, versions.a];
    return db.transaction((manager) =>
      upsertCandidates(manager, [
        { organisationId: pair.organisationId, personId, personVersion, candidateId, candidateVersion, result: { ...pair.result, score } },
      ]),
    );
  };

  const current = () => ({ a: pair.versionA, b: pair.versionB });
  const stored = async () => readPair([pair.a, pair.b]);

  it('writes a pair scored at both records’ current versions, from either side', async () => {
    expect(await write(0.91, 'a', current())).toEqual([{ personAId: pair.a, personBId: pair.b, score: 0.91 }]);
    expect((await stored()).score).toBe(0.91);
    expect(await write(0.92, 'b', current())).toEqual([{ personAId: pair.a, personBId: pair.b, score: 0.92 }]);
    expect((await stored()).score).toBe(0.92);
  });

  it('leaves the pair as it is when either record has changed since it was scored', async () => {
    expect(await write(0.61, 'a', { ...current(), b: pair.versionB - 1 })).toEqual([]);
    expect(await write(0.62, 'b', { ...current(), a: pair.versionA - 1 })).toEqual([]);
    expect(await write(0.63, 'a', { a: pair.versionA + 1, b: pair.versionB })).toEqual([]);
    expect(await stored()).toMatchObject({ score: 0.92, versionA: pair.versionA, versionB: pair.versionB });
  });

  it('keeps the pairs of a request withdrawn since they were scored withdrawn', async () => {
    await officer.post(`/v1/tracing-requests/${pair.requestB}/withdraw`, { reasonCode: 'enquirer_withdrew' }).expect(200);
    expect((await stored()).reviewStatus).toBe('withdrawn');
    expect(await write(0.93, 'a', current())).toEqual([]);
    expect(await write(0.93, 'b', current())).toEqual([]);
    expect(await stored()).toMatchObject({ score: 0.92, reviewStatus: 'withdrawn' });
  });
});
