/**
 * The reviewer's side through HTTP, on the real outbox, queue and worker: the queue, the
 * side-by-side view, claims, decisions and what each decision does to people and requests.
 */
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { MATCHER_VERSION } from '../../../src/matching/engine/person-for-matching.js';
import { MatchingService } from '../../../src/matching/matching.service.js';
import { countDomainRows } from '../../support/domain-rows.js';
import { addUser, makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { startStack, type TestStack } from '../../support/stack.js';
import { uniqueName } from '../../support/request-bodies.js';
import { claim, reviewFlow } from '../../support/review-flow.js';
import { eventually } from '../../support/test-app.js';

describe('the review workflow', () => {
  let stack: TestStack;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let org: TestOrganisation;
  let officer: Session;
  let reviewer: Session;
  let secondReviewer: Session;

  beforeAll(async () => {
    stack = await startStack();
    ({ api, worker, db } = stack);
    org = await makeOrganisation(db);
    officer = await loginAs(api, org.users.officer);
    reviewer = await loginAs(api, org.users.reviewer);
    secondReviewer = await loginAs(api, await addUser(db, org, 'reviewer'));
  });

  afterAll(() => stack.stop());

  const flow = () => reviewFlow(db, officer);
  const submit = (...args: Parameters<ReturnType<typeof reviewFlow>['submit']>) => flow().submit(...args);
  const candidateBetween = (x: string, y: string) => flow().candidateBetween(x, y);
  const personStatus = (id: string) => flow().personStatus(id);
  const reciprocalPair = (extra: Record<string, unknown> = {}) => flow().reciprocalPair(extra);

  it('lists the candidate in the queue, shows both records side by side, and a confirmed find moves the sought person on', async () => {
    const { a, b, found } = await reciprocalPair();
    expect(found.roles).toBe('enquirer:sought');

    const queue = (await reviewer.get(`/v1/review/candidates?reference=${a.reference}`).expect(200)).body;
    const entry = queue.items.find((item: { id: string }) => item.id === found.id);
    expect(entry).toMatchObject({ roles: 'enquirer:sought', claimed: null, safeguarding: false });
    expect(entry.references.sort()).toEqual([a.reference, b.reference].sort());

    const view = (await reviewer.get(`/v1/review/candidates/${found.id}`).expect(200)).body;
    expect(view.records.map((r: { personId: string }) => r.personId).sort()).toEqual([a.soughtPeople[0].id, b.enquirer.id].sort());
    expect(view.explanation.find((e: { field: string }) => e.field === 'names')).toBeDefined();
    // a reviewer does not read the circumstances of separation
    expect(view.records.every((r: { request: { circumstances?: string } }) => r.request.circumstances === undefined)).toBe(true);

    const claimed = await claim(reviewer, found.id);
    const decided = (
      await reviewer
        .post(`/v1/review/candidates/${found.id}/decisions`, {
          decision: 'confirm',
          reasonCode: 'reciprocal_search',
          version: claimed.version,
        })
        .expect(200)
    ).body;
    expect(decided.reviewStatus).toBe('confirmed');
    expect(await personStatus(a.soughtPeople[0].id)).toBe('match_confirmed');
    const request = (await officer.get(`/v1/tracing-requests/${a.id}`).expect(200)).body;
    expect(request.status).toBe('match_confirmed');

    const actions = (await db.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [found.id])).map(
      (r: { action: string }) => r.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['candidate_match.read', 'candidate_match.claim', 'review_decision.confirm']));
    // decided candidates leave the queue
    const after = (await reviewer.get(`/v1/review/candidates?reference=${a.reference}`).expect(200)).body;
    expect(after.items.map((item: { id: string }) => item.id)).not.toContain(found.id);
  });

  it('lets exactly one of two racing reviewers decide; the other gets 409', async () => {
    const { found } = await reciprocalPair();
    const first = await claim(reviewer, found.id);
    // While the first claim lives, nobody else can take it.
    await secondReviewer.post(`/v1/review/candidates/${found.id}/claim`).expect(409);
    // The claim runs out; the second reviewer takes it over, and both send a decision at once.
    await db.query(`UPDATE candidate_match SET claim_expires_at = now() - interval '1 second' WHERE id = $1`, [found.id]);
    const second = await claim(secondReviewer, found.id);
    const body = (version: number) => ({ decision: 'reject', reasonCode: 'different_person', version });
    const responses = await Promise.all([
      reviewer.post(`/v1/review/candidates/${found.id}/decisions`, body(first.version)),
      secondReviewer.post(`/v1/review/candidates/${found.id}/decisions`, body(second.version)),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const decisions = await db.query(`SELECT reviewer_id FROM review_decision WHERE candidate_id = $1`, [found.id]);
    expect(decisions).toHaveLength(1);
  });

  it('needs two different reviewers to confirm a flagged record, and holds the search meanwhile', async () => {
    const { a, found } = await reciprocalPair({ safeguardingFlags: ['trafficking_survivor'] });
    const claimed = await claim(reviewer, found.id);
    const confirm = (version: number) => ({ decision: 'confirm', reasonCode: 'names_and_dates_agree', version });
    const first = (await reviewer.post(`/v1/review/candidates/${found.id}/decisions`, confirm(claimed.version)).expect(200)).body;
    expect(first.reviewStatus).toBe('awaiting_second_review');
    expect(await personStatus(a.soughtPeople[0].id)).toBe('on_hold');

    // The same person cannot be the second pair of eyes.
    const again = await claim(reviewer, found.id);
    await reviewer.post(`/v1/review/candidates/${found.id}/decisions`, confirm(again.version)).expect(409);
    await reviewer.post(`/v1/review/candidates/${found.id}/release`).expect(200);

    const second = await claim(secondReviewer, found.id);
    const done = (await secondReviewer.post(`/v1/review/candidates/${found.id}/decisions`, confirm(second.version)).expect(200)).body;
    expect(done.reviewStatus).toBe('confirmed');
    expect(await personStatus(a.soughtPeople[0].id)).toBe('match_confirmed');
  });

  it('links two enquirers of the same family as duplicates and moves neither request to match_confirmed', async () => {
    const family = uniqueName();
    const first = await submit({ value: `Halima ${family}` }, { value: `Yonas ${uniqueName()}` });
    const second = await submit({ value: `${family} Halima` }, { value: `Dawit ${uniqueName()}` });
    const duplicate = await candidateBetween(first.enquirer.id, second.enquirer.id);
    expect(duplicate.roles).toBe('enquirer:enquirer');
    const claimed = await claim(reviewer, duplicate.id);
    await reviewer
      .post(`/v1/review/candidates/${duplicate.id}/decisions`, {
        decision: 'confirm',
        reasonCode: 'names_and_dates_agree',
        version: claimed.version,
      })
      .expect(200);
    const links = await db.query(
      `SELECT kind FROM request_link WHERE $1 IN (request_a_id, request_b_id) AND $2 IN (request_a_id, request_b_id)`,
      [first.id, second.id],
    );
    expect(links).toEqual([{ kind: 'duplicate' }]);
    const shown = (await officer.get(`/v1/tracing-requests/${first.id}/links`).expect(200)).body;
    expect(shown).toEqual([expect.objectContaining({ kind: 'duplicate', requestId: second.id })]);
    const caseworker = await loginAs(api, org.users.caseworker);
    await caseworker.get(`/v1/tracing-requests/${first.id}/links`).expect(403);
    for (const request of [first, second]) {
      expect(await personStatus(request.soughtPeople[0].id)).not.toBe('match_confirmed');
    }
  });

  it('returns a sought person to searching when their last open candidate is rejected, and never proposes the pair again', async () => {
    const [given, family] = [uniqueName(), uniqueName()];
    const a = await submit({ value: `Selam ${uniqueName()}` }, { value: `${given} ${family}` });
    const b = await submit({ value: `Mulu ${uniqueName()}` }, { value: `${family} ${given}` });
    const sought = [a.soughtPeople[0].id, b.soughtPeople[0].id];
    const related = await candidateBetween(sought[0], sought[1]);
    expect(related.roles).toBe('sought:sought');
    await eventually(
      async () => (await personStatus(sought[0])) === 'possible_match' && (await personStatus(sought[1])) === 'possible_match',
    );
    const claimed = await claim(reviewer, related.id);
    await reviewer
      .post(`/v1/review/candidates/${related.id}/decisions`, {
        decision: 'reject',
        reasonCode: 'different_person',
        version: claimed.version,
      })
      .expect(200);
    expect(await personStatus(sought[0])).toBe('searching');
    expect(await personStatus(sought[1])).toBe('searching');

    // A new matcher version re-scores both records: the decision binds the pair at these record
    // versions, whatever the matcher version, so nothing is proposed again. (The decided row is
    // relabelled as the older version's, so a new version's row would be a fresh insert.)
    await db.query(`UPDATE candidate_match SET matcher_version = $2 WHERE id = $1`, [related.id, MATCHER_VERSION - 1]);
    const service = worker.get(MatchingService);
    for (const personId of sought) await service.matchPerson({ personId, personVersion: 1, matcherVersion: MATCHER_VERSION });
    const rows = await db.query(
      `SELECT matcher_version FROM candidate_match WHERE person_a_id = $1 AND person_b_id = $2`,
      [...sought].sort(),
    );
    expect(rows).toEqual([{ matcher_version: MATCHER_VERSION - 1 }]);
    expect(await personStatus(sought[0])).toBe('searching');
  });

  it('keeps a need_more_info candidate open and routes a standard question to the officer', async () => {
    const { a, found } = await reciprocalPair();
    const claimed = await claim(reviewer, found.id);
    const body = {
      decision: 'need_more_info',
      reasonCode: 'birth_date_missing',
      version: claimed.version,
      followUp: { personId: a.soughtPeople[0].id, form: 'birth_details' },
    };
    const decided = (await reviewer.post(`/v1/review/candidates/${found.id}/decisions`, body).expect(200)).body;
    expect(decided.reviewStatus).toBe('need_more_info');
    const questions = await db.query(`SELECT form, request_id FROM follow_up_question WHERE candidate_id = $1`, [found.id]);
    expect(questions).toEqual([{ form: 'birth_details', request_id: a.id }]);
    const queue = (await reviewer.get(`/v1/review/candidates?reference=${a.reference}`).expect(200)).body;
    expect(queue.items.map((item: { id: string }) => item.id)).toContain(found.id);
  });

  it('refuses bad decisions with a clear 4xx and writes nothing', async () => {
    const { found } = await reciprocalPair();
    const claimed = await claim(reviewer, found.id);
    const before = await countDomainRows(db);
    const url = `/v1/review/candidates/${found.id}/decisions`;
    const wrongReason = await reviewer
      .post(url, { decision: 'reject', reasonCode: 'reciprocal_search', version: claimed.version })
      .expect(400);
    expect(wrongReason.body.message).toMatch(/reasonCode/);
    await reviewer.post(url, { decision: 'maybe', reasonCode: 'different_person', version: claimed.version }).expect(400);
    await reviewer.post(url, { decision: 'need_more_info', reasonCode: 'frequent_name', version: claimed.version }).expect(400);
    await reviewer.post(url, { decision: 'reject', reasonCode: 'different_person', version: claimed.version - 1 }).expect(409);
    expect(await countDomainRows(db)).toEqual(before);
  });

  it('hides candidates from other organisations and from roles that do not review', async () => {
    const { found } = await reciprocalPair();
    const stranger = await loginAs(api, (await makeOrganisation(db)).users.reviewer);
    await stranger.get(`/v1/review/candidates/${found.id}`).expect(404);
    await stranger.post(`/v1/review/candidates/${found.id}/claim`).expect(404);
    expect((await stranger.get('/v1/review/candidates').expect(200)).body.items).toEqual([]);
    await officer.get('/v1/review/candidates').expect(403);
    const caseworker = await loginAs(api, org.users.caseworker);
    await caseworker.get(`/v1/review/candidates/${found.id}`).expect(403);
  });

  it('pages through the queue, best band first, then oldest', async () => {
    await reciprocalPair();
    await reciprocalPair();
    const seen: { band: string; createdAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { band: string; createdAt: string }[]; nextCursor: string | null } = (
        await reviewer.get(`/v1/review/candidates?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200)
      ).body;
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const rank = { high: 0, medium: 1, low: 2 } as Record<string, number>;
    const keys = seen.map((item) => [rank[item.band], Date.parse(item.createdAt)]);
    const sorted = [...keys].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    expect(keys).toEqual(sorted);
    expect(new Set(seen.map((item) => (item as unknown as { id: string }).id)).size).toBe(seen.length);
    await reviewer.get('/v1/review/candidates?cursor=not-a-cursor').expect(400);
    await reviewer.get('/v1/review/candidates?band=urgent').expect(400);
  });
});
