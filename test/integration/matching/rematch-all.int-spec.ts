/**
 * Re-match-all after a matcher-version change, through the real outbox, queue and worker, while
 * intake goes on. The older version is simulated by relabelling finished work with the version before.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { rematchAll, type RematchProgress } from '../../../src/cli/rematch-all.js';
import { MATCHER_VERSION } from '../../../src/matching/engine/person-for-matching.js';
import type { TestOrganisation } from '../../support/factories.js';
import type { Session } from '../../support/http.js';
import { startMatchingStack, type MatchingStack } from '../../support/matching-stack.js';
import { makeRequestBody, makeUniqueRequestBody, uniqueName } from '../../support/request-bodies.js';
import { eventually } from '../../support/test-app.js';

const OLDER = MATCHER_VERSION - 1;

describe('re-match-all after a matcher-version change', () => {
  let stack: MatchingStack;
  let db: DataSource;
  let org: TestOrganisation;
  let officer: Session;

  beforeAll(async () => {
    // The workers' own reconciler stays out of the way: the command does the re-matching here.
    stack = await startMatchingStack({ RECONCILE_INTERVAL_MS: '3600000' });
    ({ db, org, officer } = stack);
  });

  afterAll(() => stack.stop());

  /** Two requests for one person, in Arabic and in Latin script. */
  async function pairOfRequests(): Promise<string[]> {
    const family = uniqueName();
    const person = (names: { value: string; part: string; script: string }[]) =>
      makeRequestBody({
        soughtPeople: [{ relationshipToEnquirer: 'sibling', names, sex: 'male', birthDate: { kind: 'year', year: 1998 } }],
      });
    const a = (
      await officer
        .post(
          '/v1/tracing-requests',
          person([
            { value: 'يوسف', part: 'given', script: 'Arab' },
            { value: family, part: 'family', script: 'Latn' },
          ]),
        )
        .expect(201)
    ).body;
    const b = (
      await officer.post('/v1/tracing-requests', person([{ value: `Youssef ${family}`, part: 'full', script: 'Latn' }])).expect(201)
    ).body;
    return [a.soughtPeople[0].id, b.soughtPeople[0].id].sort();
  }

  const rowsOf = (pair: string[]) =>
    db.query(`SELECT matcher_version FROM candidate_match WHERE person_a_id = $1 AND person_b_id = $2 ORDER BY matcher_version`, pair);

  it('re-scores every open record once more, one row per pair and version, while new requests come in', async () => {
    const pairs = [await pairOfRequests(), await pairOfRequests(), await pairOfRequests()];
    for (const pair of pairs) await eventually(async () => (await rowsOf(pair)).length === 1);
    const people = `SELECT id FROM person_record WHERE organisation_id = $1`;
    await eventually(async () => {
      const [{ waiting }] = await db.query(
        `SELECT count(*)::int AS waiting FROM person_record p WHERE p.organisation_id = $1
           AND NOT EXISTS (SELECT 1 FROM match_run m WHERE m.person_id = p.id AND m.person_version = p.version)`,
        [org.id],
      );
      return waiting === 0;
    });
    // What the previous matcher left: its runs, keys and candidates.
    await db.query(`UPDATE match_run SET matcher_version = $2 WHERE person_id IN (${people})`, [org.id, OLDER]);
    await db.query(`UPDATE person_name_key SET matcher_version = $2 WHERE person_id IN (${people})`, [org.id, OLDER]);
    await db.query(`UPDATE candidate_match SET matcher_version = $2 WHERE organisation_id = $1`, [org.id, OLDER]);
    const [{ open }] = await db.query(`SELECT count(*)::int AS open FROM person_record WHERE organisation_id = $1`, [org.id]);

    const [{ since }] = await db.query(`SELECT clock_timestamp() AS since`);
    const progress: RematchProgress[] = [];
    const running = rematchAll({
      databaseUrl: stack.settings.DATABASE_URL,
      redisUrl: stack.settings.REDIS_URL,
      organisationId: org.id,
      maxBacklog: 2,
      intervalMs: 100,
      timeoutMs: 50_000,
      onProgress: (p) => progress.push(p),
    });
    // Intake goes on meanwhile.
    const newcomers = [];
    for (let i = 0; i < 3; i += 1) newcomers.push((await officer.post('/v1/tracing-requests', makeUniqueRequestBody()).expect(201)).body);
    const final = await running;

    expect(final.remaining).toBe(0);
    // handed back in chunk jobs, which share the reading and scoring of their records' candidates
    const [{ chunks }] = await db.query(
      `SELECT count(*)::int AS chunks FROM outbox_message WHERE topic = 'match-chunk' AND created_at >= $1
         AND EXISTS (SELECT 1 FROM jsonb_array_elements(payload->'people') e JOIN person_record p ON p.id = (e->>'personId')::uuid
                     WHERE p.organisation_id = $2)`,
      [since, org.id],
    );
    expect(chunks).toBeGreaterThanOrEqual(1);
    // Requests that arrive while the command starts may be counted too.
    expect(progress[0].total).toBeGreaterThanOrEqual(open);
    expect(progress.length).toBeGreaterThan(1);
    for (const pair of pairs)
      expect((await rowsOf(pair)).map((r: { matcher_version: number }) => r.matcher_version)).toEqual([OLDER, MATCHER_VERSION]);
    const duplicates = await db.query(
      `SELECT person_a_id, person_b_id, matcher_version FROM candidate_match WHERE organisation_id = $1
       GROUP BY 1, 2, 3 HAVING count(*) > 1`,
      [org.id],
    );
    expect(duplicates).toEqual([]);
    const keyVersions = await db.query(`SELECT DISTINCT matcher_version FROM person_name_key WHERE person_id IN (${people})`, [org.id]);
    expect(keyVersions).toEqual([{ matcher_version: MATCHER_VERSION }]);
    for (const request of newcomers) {
      await eventually(
        async () =>
          (
            await db.query(`SELECT 1 FROM match_run WHERE person_id = $1 AND matcher_version = $2`, [
              request.soughtPeople[0].id,
              MATCHER_VERSION,
            ])
          ).length === 1,
      );
    }
  }, 90_000);

  it('is a CLI command that refuses a malformed organisation id before touching anything', async () => {
    const run = promisify(execFile)('node', ['dist/cli/cli.js', 'rematch-all', '--organisation-id', 'not-a-uuid'], { env: process.env });
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--organisation-id must be a UUID') });
  });
});
