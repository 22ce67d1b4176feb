/**
 * A chunk job (a bulk re-score) against one job per record: the same rows, each pair once, a run
 * for every record, the same moves – on the real database, through the service the worker runs.
 */
import type { DataSource } from 'typeorm';
import { MATCHER_VERSION } from '../../../src/matching/engine/person-for-matching.js';
import { MatchChunkService } from '../../../src/matching/match-chunk.service.js';
import type { TestOrganisation } from '../../support/factories.js';
import type { Session } from '../../support/http.js';
import { startMatchingStack, type MatchingStack } from '../../support/matching-stack.js';
import { makeRequestBody, uniqueName } from '../../support/request-bodies.js';
import { eventually } from '../../support/test-app.js';

interface Row {
  a: string;
  b: string;
  score: number;
  band: string;
  roles: string;
  evidence: { field: string; outcome: string }[];
}

describe('a chunk job', () => {
  let stack: MatchingStack;
  let db: DataSource;
  let org: TestOrganisation;
  let officer: Session;

  beforeAll(async () => {
    // The workers' own reconciler stays out of the way: runs are deleted on purpose here.
    stack = await startMatchingStack({ RECONCILE_INTERVAL_MS: '3600000' });
    ({ db, org, officer } = stack);
  });

  afterAll(() => stack.stop());

  const peopleOf = async (): Promise<{ id: string; version: number }[]> =>
    db.query(`SELECT id, version FROM person_record WHERE organisation_id = $1 ORDER BY id`, [org.id]);

  const rowsOf = async (): Promise<Row[]> =>
    db.query(
      `SELECT person_a_id AS a, person_b_id AS b, score, band, roles, evidence FROM candidate_match
       WHERE organisation_id = $1 AND matcher_version = $2 ORDER BY 1, 2`,
      [org.id, MATCHER_VERSION],
    );

  async function allMatched(): Promise<void> {
    await eventually(async () => {
      const [{ waiting }] = await db.query(
        `SELECT count(*)::int AS waiting FROM person_record p WHERE p.organisation_id = $1
           AND NOT EXISTS (SELECT 1 FROM match_run m WHERE m.person_id = p.id AND m.person_version = p.version AND m.matcher_version = $2)`,
        [org.id, MATCHER_VERSION],
      );
      return waiting === 0;
    }, 30_000);
  }

  it('writes the rows one job per record writes, each pair once, moves its records and runs every one', async () => {
    const family = uniqueName();
    const sought = (value: string) =>
      makeRequestBody({
        soughtPeople: [
          { relationshipToEnquirer: 'sibling', names: [{ value, part: 'full' }], sex: 'male', birthDate: { kind: 'year', year: 1988 } },
        ],
      });
    const bodies = [`Yusuf ${family}`, `Youssef ${family}`, `${family} Yousef`, `Jusuf ${family}`].map(sought);
    // A reciprocal search: each enquirer seeks the other.
    const [x, y] = [`${uniqueName()} ${uniqueName()}`, `${uniqueName()} ${uniqueName()}`];
    const seeks = (enquirer: string, soughtName: string) => {
      const body = makeRequestBody();
      body.enquirer.names = [{ value: enquirer, part: 'full', script: 'Latn' } as never];
      body.soughtPeople[0].names = [{ value: soughtName, part: 'full', script: 'Latn' } as never];
      return body;
    };
    bodies.push(seeks(x, y), seeks(y, x));
    const requests: { id: string }[] = [];
    for (const body of bodies) requests.push((await officer.post('/v1/tracing-requests', body).expect(201)).body);
    await allMatched();
    const byJobs = await rowsOf();
    expect(byJobs.length).toBeGreaterThanOrEqual(6);
    expect(byJobs.some((row) => row.evidence.some((e) => e.field === 'reciprocity' && e.outcome === 'agree'))).toBe(true);

    // Back to before any match: no rows, no runs, everyone searching.
    const people = await peopleOf();
    const ids = people.map((p) => p.id);
    await db.query(`DELETE FROM candidate_match WHERE organisation_id = $1`, [org.id]);
    await db.query(`DELETE FROM match_run WHERE person_id = ANY($1::uuid[])`, [ids]);
    await db.query(`UPDATE person_record SET status = 'searching' WHERE id = ANY($1::uuid[]) AND role = 'sought'`, [ids]);
    await db.query(`UPDATE tracing_request SET status = 'searching' WHERE organisation_id = $1`, [org.id]);

    const chunks = stack.worker.get(MatchChunkService);
    const job = { people: people.map((p) => ({ personId: p.id, personVersion: p.version })), matcherVersion: MATCHER_VERSION };
    expect(await chunks.matchChunk(job)).toEqual({ matched: people.length, skipped: 0 });

    const byChunk = await rowsOf();
    expect(byChunk.map(({ a, b, band, roles, evidence }) => ({ a, b, band, roles, evidence }))).toEqual(
      byJobs.map(({ a, b, band, roles, evidence }) => ({ a, b, band, roles, evidence })),
    );
    byChunk.forEach((row, i) => expect(row.score).toBeCloseTo(byJobs[i].score, 12));
    const [{ runs }] = await db.query(
      `SELECT count(*)::int AS runs FROM match_run WHERE person_id = ANY($1::uuid[]) AND matcher_version = $2`,
      [ids, MATCHER_VERSION],
    );
    expect(runs).toBe(people.length);
    for (const request of requests.slice(0, 4)) {
      const read = (await officer.get(`/v1/tracing-requests/${request.id}`).expect(200)).body;
      expect(read.status).toBe('possible_match');
    }

    // The same chunk again (a redelivery) adds no row.
    expect(await chunks.matchChunk(job)).toEqual({ matched: people.length, skipped: 0 });
    expect((await rowsOf()).length).toBe(byJobs.length);
  }, 60_000);

  it('runs beside another chunk that shares its pairs, without a deadlock', async () => {
    const family = uniqueName();
    const spellings = ['Mariam', 'Maryam', 'Miriam', 'Mariyam', 'Meryem', 'Maryame', 'Mariame', 'Maraim'];
    const ids: string[] = [];
    for (const given of spellings) {
      const body = makeRequestBody({
        soughtPeople: [
          {
            relationshipToEnquirer: 'sibling',
            names: [{ value: `${given} ${family}`, part: 'full' }],
            sex: 'female',
            birthDate: { kind: 'year', year: 1993 },
          },
        ],
      });
      ids.push((await officer.post('/v1/tracing-requests', body).expect(201)).body.soughtPeople[0].id);
    }
    await allMatched();
    const chunks = stack.worker.get(MatchChunkService);
    const chunk = (people: string[]) =>
      chunks.matchChunk({ people: people.map((personId) => ({ personId, personVersion: 1 })), matcherVersion: MATCHER_VERSION });
    // Each chunk holds half the records, and every pair across the halves is written by both.
    for (let round = 0; round < 3; round++) {
      await db.query(`DELETE FROM candidate_match WHERE person_a_id = ANY($1::uuid[]) OR person_b_id = ANY($1::uuid[])`, [ids]);
      const outcomes = await Promise.all([chunk(ids.filter((_, i) => i % 2 === 0)), chunk(ids.filter((_, i) => i % 2 === 1).reverse())]);
      expect(outcomes).toEqual([
        { matched: 4, skipped: 0 },
        { matched: 4, skipped: 0 },
      ]);
    }
    const [{ pairs }] = await db.query(
      `SELECT count(*)::int AS pairs FROM candidate_match WHERE person_a_id = ANY($1::uuid[]) AND person_b_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(pairs).toBeGreaterThanOrEqual(ids.length);
  }, 60_000);

  it('leaves out a record changed since it was queued, and one queued for another matcher', async () => {
    const created = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    const personId: string = created.soughtPeople[0].id;
    await allMatched();
    await db.query(`UPDATE person_record SET version = version + 1 WHERE id = $1`, [personId]);
    const chunks = stack.worker.get(MatchChunkService);
    expect(await chunks.matchChunk({ people: [{ personId, personVersion: 1 }], matcherVersion: MATCHER_VERSION })).toEqual({
      matched: 0,
      skipped: 1,
    });
    expect(await chunks.matchChunk({ people: [{ personId, personVersion: 2 }], matcherVersion: MATCHER_VERSION + 1 })).toEqual({
      matched: 0,
      skipped: 1,
    });
    const runs = await db.query(`SELECT person_version FROM match_run WHERE person_id = $1`, [personId]);
    expect(runs.map((r: { person_version: number }) => r.person_version)).toEqual([1]);
  });
});
