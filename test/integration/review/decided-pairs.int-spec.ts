/**
 * A reviewer's decision binds the pair of records at their versions, whatever the matcher version:
 * re-match-all after a matcher-version change proposes neither a rejected nor a confirmed pair
 * again, while an undecided pair gets its new version's row. The older version is simulated by
 * relabelling finished work with the version before, as in the re-match-all test.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { rematchAll } from '../../../src/cli/rematch-all.js';
import { MATCHER_VERSION } from '../../../src/matching/engine/person-for-matching.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { startStack, type TestStack } from '../../support/stack.js';
import { decide, reviewFlow } from '../../support/review-flow.js';
import { eventually } from '../../support/test-app.js';

const OLDER = MATCHER_VERSION - 1;

describe('decided pairs across matcher versions', () => {
  let stack: TestStack;
  let api: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;
  let officer: Session;
  let reviewer: Session;

  beforeAll(async () => {
    // The workers' own reconciler stays out of the way: the command does the re-matching here.
    stack = await startStack({ RECONCILE_INTERVAL_MS: '3600000' });
    ({ api, db } = stack);
    org = await makeOrganisation(db);
    officer = await loginAs(api, org.users.officer);
    reviewer = await loginAs(api, org.users.reviewer);
  });

  afterAll(() => stack.stop());

  const versionsOf = async (candidateId: string) =>
    (
      await db.query(
        `SELECT c.matcher_version FROM candidate_match c JOIN candidate_match d USING (person_a_id, person_b_id)
         WHERE d.id = $1 ORDER BY c.matcher_version`,
        [candidateId],
      )
    ).map((r: { matcher_version: number }) => r.matcher_version);

  it('proposes neither a rejected nor a confirmed pair again after re-match-all, and re-scores the undecided one', async () => {
    const flow = reviewFlow(db, officer);
    const rejected = (await flow.reciprocalPair()).found;
    const confirmed = (await flow.reciprocalPair()).found;
    const undecided = (await flow.reciprocalPair()).found;
    await decide(reviewer, rejected.id, { decision: 'reject', reasonCode: 'different_person' });
    await decide(reviewer, confirmed.id, { decision: 'confirm', reasonCode: 'reciprocal_search' });
    await eventually(async () => {
      const [{ waiting }] = await db.query(
        `SELECT count(*)::int AS waiting FROM person_record p WHERE p.organisation_id = $1
           AND NOT EXISTS (SELECT 1 FROM match_run m WHERE m.person_id = p.id AND m.person_version = p.version)`,
        [org.id],
      );
      return waiting === 0;
    });

    const people = `SELECT id FROM person_record WHERE organisation_id = $1`;
    await db.query(`UPDATE match_run SET matcher_version = $2 WHERE person_id IN (${people})`, [org.id, OLDER]);
    await db.query(`UPDATE person_name_key SET matcher_version = $2 WHERE person_id IN (${people})`, [org.id, OLDER]);
    await db.query(`UPDATE candidate_match SET matcher_version = $2 WHERE organisation_id = $1`, [org.id, OLDER]);
    const final = await rematchAll({
      databaseUrl: stack.settings.DATABASE_URL,
      redisUrl: stack.settings.REDIS_URL,
      organisationId: org.id,
      maxBacklog: 4,
      intervalMs: 100,
      timeoutMs: 50_000,
      onProgress: () => undefined,
    });
    expect(final.remaining).toBe(0);

    expect(await versionsOf(rejected.id)).toEqual([OLDER]);
    expect(await versionsOf(confirmed.id)).toEqual([OLDER]);
    expect(await versionsOf(undecided.id)).toEqual([OLDER, MATCHER_VERSION]);
    // The undecided pair's older row left the queue for the newer one.
    const [older] = await db.query(`SELECT review_status FROM candidate_match WHERE id = $1`, [undecided.id]);
    expect(older.review_status).toBe('withdrawn');
  }, 90_000);
});
