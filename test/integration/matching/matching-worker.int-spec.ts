import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { MATCHER_VERSION } from '../../../src/matching/engine/person-for-matching.js';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { MatchReconciler } from '../../../src/matching/match-reconciler.js';
import { MatchingService } from '../../../src/matching/matching.service.js';
import { MATCHING_QUEUE } from '../../../src/queue/matching-jobs.js';
import { makeOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { makeRequestBody, uniqueName } from '../../support/request-bodies.js';
import { startMatchingStack, type MatchingStack } from '../../support/matching-stack.js';
import { eventually } from '../../support/test-app.js';

describe('the match worker', () => {
  let stack: MatchingStack;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let officer: Session;

  beforeAll(async () => {
    stack = await startMatchingStack();
    ({ api, worker, db, officer } = stack);
  });

  afterAll(() => stack.stop());

  const statusOf = async (id: string) => (await officer.get(`/v1/tracing-requests/${id}`).expect(200)).body;

  it('proposes the same person written in Arabic and in Latin, once, and moves both sought people to possible_match', async () => {
    const family = uniqueName();
    const arabic = makeRequestBody({
      soughtPeople: [
        {
          relationshipToEnquirer: 'sibling',
          names: [
            { value: 'يوسف', part: 'given', script: 'Arab' },
            { value: family, part: 'family', script: 'Latn' },
          ],
          sex: 'male',
          birthDate: { kind: 'year', year: 2001 },
        },
      ],
    });
    const latin = makeRequestBody({
      soughtPeople: [
        {
          relationshipToEnquirer: 'child',
          names: [{ value: `${family} Youssef`, part: 'full', script: 'Latn' }],
          sex: 'male',
          birthDate: { kind: 'exact', date: '2001-05-17' },
        },
      ],
    });
    const a = (await officer.post('/v1/tracing-requests', arabic).expect(201)).body;
    const b = (await officer.post('/v1/tracing-requests', latin).expect(201)).body;
    const [ra, rb] = await eventually(async () => {
      const both = [await statusOf(a.id), await statusOf(b.id)];
      return both.every((r) => r.status === 'possible_match') ? both : undefined;
    });
    expect(ra.soughtPeople[0].status).toBe('possible_match');
    expect(rb.soughtPeople[0].status).toBe('possible_match');

    const pair = [a.soughtPeople[0].id, b.soughtPeople[0].id].sort();
    const rows = await db.query(
      `SELECT score, band, roles, evidence FROM candidate_match WHERE person_a_id = $1 AND person_b_id = $2`,
      pair,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ band: 'high', roles: 'sought:sought' });
    const names = rows[0].evidence.find((e: { field: string }) => e.field === 'names');
    expect(names.matches.map((m: { agreement: string }) => m.agreement).sort()).toEqual(['equivalent', 'exact']);

    // the same job again (a redelivery) adds nothing and moves nothing backwards
    await worker.get(MatchingService).matchPerson({ personId: b.soughtPeople[0].id, personVersion: 1, matcherVersion: MATCHER_VERSION });
    const again = await db.query(`SELECT count(*)::int AS n FROM candidate_match WHERE person_a_id = $1 AND person_b_id = $2`, pair);
    expect(again[0].n).toBe(1);
    expect((await statusOf(b.id)).status).toBe('possible_match');
    const [run] = await db.query(`SELECT candidates_stored FROM match_run WHERE person_id = $1`, [b.soughtPeople[0].id]);
    expect(run.candidates_stored).toBeGreaterThanOrEqual(1);
  });

  it('matches two records that propose each other at the same moment, without a deadlock', async () => {
    const family = uniqueName();
    const sought = (names: { value: string; part: 'full' }[]) =>
      makeRequestBody({
        soughtPeople: [{ relationshipToEnquirer: 'sibling', names, sex: 'female', birthDate: { kind: 'year', year: 1990 } }],
      });
    const a = (await officer.post('/v1/tracing-requests', sought([{ value: `Mariam ${family}`, part: 'full' }])).expect(201)).body;
    const b = (await officer.post('/v1/tracing-requests', sought([{ value: `${family} Maryam`, part: 'full' }])).expect(201)).body;
    await eventually(
      async () => ((await statusOf(a.id)).status === 'possible_match' && (await statusOf(b.id)).status === 'possible_match') || undefined,
    );
    const service = worker.get(MatchingService);
    const job = (request: { soughtPeople: { id: string }[] }) =>
      service.matchPerson({ personId: request.soughtPeople[0].id, personVersion: 1, matcherVersion: MATCHER_VERSION });
    // Each job locks its own request, writes the shared pair and then moves the other side: done
    // at once, they used to wait on each other until PostgreSQL broke the deadlock by failing one.
    for (let round = 0; round < 3; round++) {
      expect(await Promise.all([job(a), job(b)])).toEqual(['matched', 'matched']);
    }
    const pair = [a.soughtPeople[0].id, b.soughtPeople[0].id].sort();
    const rows = await db.query(`SELECT count(*)::int AS n FROM candidate_match WHERE person_a_id = $1 AND person_b_id = $2`, pair);
    expect(rows[0].n).toBe(1);
  });

  it('matches records that are all each other’s candidates at once, as a bulk re-score does, without a deadlock', async () => {
    const family = uniqueName();
    const sought = (value: string) =>
      makeRequestBody({
        soughtPeople: [
          { relationshipToEnquirer: 'sibling', names: [{ value, part: 'full' }], sex: 'male', birthDate: { kind: 'year', year: 1985 } },
        ],
      });
    const spellings = [`Yusuf ${family}`, `Youssef ${family}`, `${family} Yousef`, `Yosef ${family}`, `Jusuf ${family}`];
    const requests: { id: string; soughtPeople: { id: string }[] }[] = [];
    for (const spelling of spellings) requests.push((await officer.post('/v1/tracing-requests', sought(spelling)).expect(201)).body);
    await eventually(async () => {
      const statuses = await Promise.all(requests.map(async (r) => (await statusOf(r.id)).status));
      return statuses.every((status) => status === 'possible_match') || undefined;
    });
    const service = worker.get(MatchingService);
    const ids = requests.map((r) => r.soughtPeople[0].id);
    // Every job inserts rows that name the others' records: their foreign-key checks must not wait
    // on the locks the other jobs hold on their own records. (Updating rows that exist checks no
    // key, so each round starts without them, as a re-score after a matcher-version change does.)
    for (let round = 0; round < 3; round++) {
      await db.query(`DELETE FROM candidate_match WHERE person_a_id = ANY($1::uuid[]) OR person_b_id = ANY($1::uuid[])`, [ids]);
      const outcomes = await Promise.all(
        requests.map((r) => service.matchPerson({ personId: r.soughtPeople[0].id, personVersion: 1, matcherVersion: MATCHER_VERSION })),
      );
      expect(outcomes).toEqual(requests.map(() => 'matched'));
    }
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM candidate_match WHERE person_a_id = ANY($1::uuid[]) AND person_b_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(n).toBe((ids.length * (ids.length - 1)) / 2);
  });

  it('moves the other sides of its proposals in several requests at once, each with its history and its notification', async () => {
    const family = uniqueName();
    const sought = (value: string) =>
      makeRequestBody({
        soughtPeople: [
          { relationshipToEnquirer: 'sibling', names: [{ value, part: 'full' }], sex: 'female', birthDate: { kind: 'year', year: 1979 } },
        ],
      });
    const requests: { id: string; soughtPeople: { id: string }[] }[] = [];
    for (const spelling of [`Fatima ${family}`, `Fatma ${family}`, `${family} Fatimah`])
      requests.push((await officer.post('/v1/tracing-requests', sought(spelling)).expect(201)).body);
    await eventually(async () => {
      const statuses = await Promise.all(requests.map(async (r) => (await statusOf(r.id)).status));
      return statuses.every((status) => status === 'possible_match') || undefined;
    });
    const [first, ...others] = requests;
    const people = requests.map((r) => r.soughtPeople[0].id);
    const requestIds = requests.map((r) => r.id);
    // Back to searching without candidates, as before any match: the first job then proposes both others.
    await db.query(`DELETE FROM candidate_match WHERE person_a_id = ANY($1::uuid[]) OR person_b_id = ANY($1::uuid[])`, [people]);
    await db.query(`UPDATE person_record SET status = 'searching' WHERE id = ANY($1::uuid[])`, [people]);
    await db.query(`UPDATE tracing_request SET status = 'searching' WHERE id = ANY($1::uuid[])`, [requestIds]);
    const [{ since }] = await db.query(`SELECT clock_timestamp() AS since`);

    const job = { personId: first.soughtPeople[0].id, personVersion: 1, matcherVersion: MATCHER_VERSION };
    expect(await worker.get(MatchingService).matchPerson(job)).toBe('matched');
    // The job's own transaction queued the other sides for a job of their own (decision 0033) and
    // recorded the run; the worker moves them a moment later.
    const queued = await db.query(`SELECT payload FROM outbox_message WHERE topic = 'propose-others' AND created_at >= $1`, [since]);
    expect(queued.flatMap((row: { payload: { personIds: string[] } }) => row.payload.personIds).sort()).toEqual(
      others.map((r) => r.soughtPeople[0].id).sort(),
    );
    await eventually(async () => {
      const statuses = await Promise.all(others.map(async (r) => (await statusOf(r.id)).status));
      return statuses.every((status) => status === 'possible_match') || undefined;
    });
    for (const request of requests) {
      const read = await statusOf(request.id);
      expect(read.status).toBe('possible_match');
      expect(read.soughtPeople[0].status).toBe('possible_match');
    }
    const history = await db.query(
      `SELECT request_id AS "requestId", person_id AS "personId", from_status AS "from", to_status AS "to", reason_code AS "reason"
       FROM status_change WHERE request_id = ANY($1::uuid[]) AND changed_at >= $2 ORDER BY id`,
      [requestIds, since],
    );
    for (const request of requests) {
      expect(history.filter((h: { requestId: string }) => h.requestId === request.id)).toEqual([
        {
          requestId: request.id,
          personId: request.soughtPeople[0].id,
          from: 'searching',
          to: 'possible_match',
          reason: 'candidate_proposed',
        },
        { requestId: request.id, personId: null, from: 'searching', to: 'possible_match', reason: 'candidate_proposed' },
      ]);
    }
    const notices = await db.query(
      `SELECT payload->'ids'->>'requestId' AS "requestId", payload->>'status' AS status FROM outbox_message
       WHERE topic = 'notification' AND payload->>'type' = 'request.status_changed' AND created_at >= $1`,
      [since],
    );
    expect(notices.map((n: { requestId: string }) => n.requestId).sort()).toEqual([...requestIds].sort());
    expect(notices.every((n: { status: string }) => n.status === 'possible_match')).toBe(true);
    // the job's run is recorded
    const [run] = await db.query(`SELECT candidates_stored AS stored FROM match_run WHERE person_id = $1 AND finished_at >= $2`, [
      job.personId,
      since,
    ]);
    expect(run.stored).toBeGreaterThanOrEqual(others.length);
  });

  it('stores nothing for a pair below the floor and leaves the request searching', async () => {
    const lonely = makeRequestBody({
      soughtPeople: [{ relationshipToEnquirer: 'parent', names: [{ value: `${uniqueName()} ${uniqueName()}`, part: 'full' }] }],
    });
    const created = (await officer.post('/v1/tracing-requests', lonely).expect(201)).body;
    const read = await eventually(async () => {
      const r = await statusOf(created.id);
      return r.status !== 'submitted' ? r : undefined;
    });
    expect(read.status).toBe('searching');
    const rows = await db.query(`SELECT count(*)::int AS n FROM candidate_match WHERE $1 IN (person_a_id, person_b_id)`, [
      created.soughtPeople[0].id,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('hands a record back to the queue when Redis lost its job, and matches it again', async () => {
    const org = await makeOrganisation(db);
    const own = await loginAs(api, org.users.officer);
    const body = makeRequestBody({
      soughtPeople: [{ relationshipToEnquirer: 'parent', names: [{ value: `${uniqueName()} ${uniqueName()}`, part: 'full' }] }],
    });
    const created = (await own.post('/v1/tracing-requests', body).expect(201)).body;
    const personId = created.soughtPeople[0].id;
    const runOf = () => db.query(`SELECT finished_at FROM match_run WHERE person_id = $1`, [personId]);
    await eventually(async () => (await runOf()).length === 1);

    // Redis comes back empty and the run is gone, as after a crash between the two
    const queue = api.get<Queue>(getQueueToken(MATCHING_QUEUE));
    await queue.obliterate({ force: true });
    await db.query(`DELETE FROM match_run WHERE person_id = $1`, [personId]);

    const reconciler = worker.get(MatchReconciler);
    expect(await reconciler.reconcileOnce({ minAgeSeconds: 0, organisationId: org.id })).toBe(1);
    await eventually(async () => (await runOf()).length === 1);
    // a second round finds nothing left to do
    expect(await reconciler.reconcileOnce({ minAgeSeconds: 0, organisationId: org.id })).toBe(0);
  });

  it('finds a reciprocal search (A seeks B while B seeks A) and says so in the evidence', async () => {
    const family = uniqueName();
    const consent = {
      consentsToProcessing: true,
      agreesToBeFound: true,
      agreesToIdentityShared: false,
      informationNoticeVersion: '2026-01',
    };
    const person = (given: string) => ({ names: [{ value: `${given} ${family}`, part: 'full' }] });
    const motherSeeksSon = {
      enquirer: { ...person('Amina'), sex: 'female' },
      soughtPeople: [{ ...person('Abdi'), sex: 'male', relationshipToEnquirer: 'child' }],
      intakeConsent: consent,
    };
    const sonSeeksMother = {
      enquirer: { ...person('Abdi'), sex: 'male' },
      soughtPeople: [{ ...person('Amina'), sex: 'female', relationshipToEnquirer: 'parent' }],
      intakeConsent: consent,
    };
    const r1 = (await officer.post('/v1/tracing-requests', motherSeeksSon).expect(201)).body;
    const r2 = (await officer.post('/v1/tracing-requests', sonSeeksMother).expect(201)).body;
    const pair = [r1.soughtPeople[0].id, r2.enquirer.id].sort();
    const [row] = await eventually(async () => {
      const rows = await db.query(`SELECT roles, evidence FROM candidate_match WHERE person_a_id = $1 AND person_b_id = $2`, pair);
      const reciprocal = rows[0]?.evidence.find((e: { field: string }) => e.field === 'reciprocity')?.outcome === 'agree';
      return reciprocal ? rows : undefined;
    });
    expect(row.roles).toBe('enquirer:sought');
  });

  it('never pairs an enquirer who did not agree to be found with anyone searching for them', async () => {
    const family = uniqueName();
    const person = (given: string) => ({ names: [{ value: `${given} ${family}`, part: 'full' }] });
    const consent = (agreesToBeFound: boolean) => ({
      consentsToProcessing: true,
      agreesToBeFound,
      agreesToIdentityShared: false,
      informationNoticeVersion: '2026-01',
    });
    const seeker = (
      await officer
        .post('/v1/tracing-requests', {
          enquirer: person('Amina'),
          soughtPeople: [{ ...person('Abdi'), relationshipToEnquirer: 'child' }],
          intakeConsent: consent(true),
        })
        .expect(201)
    ).body;
    const hidden = (
      await officer
        .post('/v1/tracing-requests', {
          enquirer: person('Abdi'),
          soughtPeople: [{ ...person('Amina'), relationshipToEnquirer: 'parent' }],
          intakeConsent: consent(false),
        })
        .expect(201)
    ).body;
    // both requests fully matched by the worker
    await eventually(async () => {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM match_run WHERE person_id = ANY($1)`, [
        [seeker.enquirer.id, seeker.soughtPeople[0].id, hidden.enquirer.id, hidden.soughtPeople[0].id],
      ]);
      return n === 4;
    });
    const pairs = await db.query(
      `SELECT 1 FROM candidate_match WHERE $1 IN (person_a_id, person_b_id) AND $2 IN (person_a_id, person_b_id)`,
      [hidden.enquirer.id, seeker.soughtPeople[0].id],
    );
    expect(pairs).toHaveLength(0);
    // Nor do their names make a reciprocal search of the pair of Aminas: Abdi the seeker's sought
    // person would meet Abdi the hidden enquirer.
    const reciprocal = await db.query(
      `SELECT e->>'outcome' AS outcome FROM candidate_match, jsonb_array_elements(evidence) e
       WHERE $1 IN (person_a_id, person_b_id) AND $2 IN (person_a_id, person_b_id) AND e->>'field' = 'reciprocity'`,
      [seeker.enquirer.id, hidden.soughtPeople[0].id],
    );
    expect(reciprocal.length).toBeGreaterThan(0);
    expect(reciprocal.map((r: { outcome: string }) => r.outcome)).not.toContain('agree');
  });

  it('leaves a job queued for another matcher version alone, and rebuilds missing or outdated keys', async () => {
    const created = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    const personId = created.soughtPeople[0].id;
    const service = worker.get(MatchingService);
    expect(await service.matchPerson({ personId, personVersion: 1, matcherVersion: MATCHER_VERSION + 1 })).toBe('other_matcher_version');

    await eventually(async () => (await db.query(`SELECT 1 FROM match_run WHERE person_id = $1`, [personId])).length === 1);
    await db.query(`DELETE FROM person_name_key WHERE person_id = $1`, [personId]);
    expect(await service.matchPerson({ personId, personVersion: 1, matcherVersion: MATCHER_VERSION })).toBe('matched');
    const keys = await db.query(`SELECT matcher_version FROM person_name_key WHERE person_id = $1`, [personId]);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k: { matcher_version: number }) => k.matcher_version === MATCHER_VERSION)).toBe(true);
  });
});
