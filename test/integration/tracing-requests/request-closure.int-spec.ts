/**
 * Officers close and reopen requests, and answer reviewers' follow-up questions, through HTTP on
 * the real queue and worker.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { addUser, makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { startStack, type TestStack } from '../../support/stack.js';
import { uniqueName } from '../../support/request-bodies.js';
import { claim, decide, reviewFlow } from '../../support/review-flow.js';
import { eventually } from '../../support/test-app.js';

describe('closing, reopening and follow-up questions', () => {
  let stack: TestStack;
  let api: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;
  let officer: Session;
  let reviewer: Session;

  beforeAll(async () => {
    stack = await startStack();
    ({ api, db } = stack);
    org = await makeOrganisation(db);
    officer = await loginAs(api, org.users.officer);
    reviewer = await loginAs(api, org.users.reviewer);
  });

  afterAll(() => stack.stop());

  /** Two requests seeking the same person: each sought person's only candidate is the other. */
  async function twoSearchesForOne() {
    const flow = reviewFlow(db, officer);
    // Both names unique: a shared given name and birth year alone would make candidates across tests.
    const [given, family] = [uniqueName(), uniqueName()];
    const a = await flow.submit({ value: `Selam ${uniqueName()}` }, { value: `${given} ${family}` });
    const b = await flow.submit({ value: `Mulu ${uniqueName()}` }, { value: `${family} ${given}` });
    const candidate = await flow.candidateBetween(a.soughtPeople[0].id, b.soughtPeople[0].id);
    await eventually(async () => (await flow.personStatus(b.soughtPeople[0].id)) === 'possible_match');
    return { flow, a, b, candidate };
  }

  const reviewStatus = async (id: string) =>
    (await db.query(`SELECT review_status FROM candidate_match WHERE id = $1`, [id]))[0].review_status;

  it('closes a request: its candidates leave the queue and the other side searches again; reopening brings them back', async () => {
    const { flow, a, b, candidate } = await twoSearchesForOne();
    await officer.post(`/v1/tracing-requests/${a.id}/close`, { outcome: 'no_match', reasonCode: 'contact_restored' }).expect(400);
    const closed = (
      await officer.post(`/v1/tracing-requests/${a.id}/close`, { outcome: 'no_match', reasonCode: 'search_exhausted' }).expect(200)
    ).body;
    expect(closed.status).toBe('closed_no_match');
    expect(await reviewStatus(candidate.id)).toBe('withdrawn');
    expect(await flow.personStatus(b.soughtPeople[0].id)).toBe('searching');
    await officer.post(`/v1/tracing-requests/${a.id}/close`, { outcome: 'found', reasonCode: 'contact_restored' }).expect(409);

    const reopened = (await officer.post(`/v1/tracing-requests/${a.id}/reopen`, { reasonCode: 'new_information' }).expect(200)).body;
    expect(reopened.status).not.toMatch(/^closed/);
    await eventually(async () => (await reviewStatus(candidate.id)) === 'pending');
    await eventually(async () => (await flow.personStatus(b.soughtPeople[0].id)) === 'possible_match');

    const history = (await officer.get(`/v1/tracing-requests/${a.id}/history`).expect(200)).body;
    expect(history.map((h: { reasonCode: string }) => h.reasonCode)).toEqual(expect.arrayContaining(['search_exhausted', 'reopened']));
    const actions = (await db.query(`SELECT action FROM audit_event WHERE entity_id = $1`, [a.id])).map(
      (r: { action: string }) => r.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['tracing_request.closed', 'tracing_request.reopened']));
  });

  it('lets the other side search again when a request is withdrawn', async () => {
    const { flow, a, b } = await twoSearchesForOne();
    await officer.post(`/v1/tracing-requests/${a.id}/withdraw`, { reasonCode: 'enquirer_withdrew' }).expect(200);
    expect(await flow.personStatus(b.soughtPeople[0].id)).toBe('searching');
  });

  it('leaves a request whose found person refused to the schedule: an officer cannot close it', async () => {
    const caseworker = await addUser(db, org, 'caseworker');
    const flow = reviewFlow(db, officer);
    const { a, found } = await flow.reciprocalPair({}, { caseworkerId: caseworker.id });
    await decide(reviewer, found.id);
    await reviewer
      .post(`/v1/finds/${found.id}/identity-checks`, { outcome: 'passed', methods: ['documents_seen'], reasonCode: 'documents_verified' })
      .expect(200);
    await (await loginAs(api, caseworker)).post(`/v1/finds/${found.id}/consents`, { decision: 'refused', scopes: [] }).expect(201);
    const refused = await officer
      .post(`/v1/tracing-requests/${a.id}/close`, { outcome: 'no_match', reasonCode: 'search_exhausted' })
      .expect(409);
    expect(refused.body.message).toMatch(/schedule/);
    await officer.post(`/v1/tracing-requests/${a.id}/close`, { outcome: 'found', reasonCode: 'found_outside_service' }).expect(409);
  });

  it("routes a reviewer's standard question to the request's officer, who marks it answered", async () => {
    const { a, candidate } = await twoSearchesForOne();
    const { version } = await claim(reviewer, candidate.id);
    await reviewer
      .post(`/v1/review/candidates/${candidate.id}/decisions`, {
        decision: 'need_more_info',
        reasonCode: 'frequent_name',
        version,
        followUp: { personId: a.soughtPeople[0].id, form: 'other_names_used' },
      })
      .expect(200);
    const questions = (await officer.get(`/v1/tracing-requests/${a.id}/follow-ups`).expect(200)).body;
    expect(questions).toEqual([expect.objectContaining({ personId: a.soughtPeople[0].id, form: 'other_names_used', answeredAt: null })]);
    await officer.post(`/v1/tracing-requests/${a.id}/follow-ups/${questions[0].id}/answered`).expect(204);
    await officer.post(`/v1/tracing-requests/${a.id}/follow-ups/${questions[0].id}/answered`).expect(404);
    const stranger = await loginAs(api, (await makeOrganisation(db)).users.officer);
    await stranger.get(`/v1/tracing-requests/${a.id}/follow-ups`).expect(404);
  });
});
