/**
 * Every read and change of a candidate, decision, consent and disclosure through the API leaves an
 * audit event an auditor can find by request; the table refuses UPDATE and DELETE.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { addUser, makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs } from '../../support/http.js';
import { startStack, type TestStack } from '../../support/stack.js';
import { claim, reviewFlow } from '../../support/review-flow.js';

describe('the audit trail of review, consent and disclosure', () => {
  let stack: TestStack;
  let api: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;

  beforeAll(async () => {
    stack = await startStack();
    ({ api, db } = stack);
    org = await makeOrganisation(db);
  });

  afterAll(() => stack.stop());

  it('records each step with who, in which role, on which record and request; an auditor filters by request', async () => {
    const officer = await loginAs(api, org.users.officer);
    const reviewer = await loginAs(api, org.users.reviewer);
    const enquirersCaseworker = await loginAs(api, org.users.caseworker);
    const foundCaseworkerUser = await addUser(db, org, 'caseworker');
    const foundCaseworker = await loginAs(api, foundCaseworkerUser);
    const auditor = await loginAs(api, org.users.auditor);
    const { a, found } = await reviewFlow(db, officer).reciprocalPair(
      { caseworkerId: org.users.caseworker.id },
      { caseworkerId: foundCaseworkerUser.id },
    );

    await reviewer.get('/v1/review/candidates').expect(200);
    await reviewer.get(`/v1/review/candidates/${found.id}`).expect(200);
    await claim(reviewer, found.id);
    await reviewer.post(`/v1/review/candidates/${found.id}/release`).expect(200);
    const { version } = await claim(reviewer, found.id);
    await reviewer
      .post(`/v1/review/candidates/${found.id}/decisions`, { decision: 'confirm', reasonCode: 'reciprocal_search', version })
      .expect(200);
    await reviewer
      .post(`/v1/finds/${found.id}/identity-checks`, { outcome: 'passed', methods: ['video_call'], reasonCode: 'known_relationship' })
      .expect(200);
    const { consentId } = (
      await foundCaseworker.post(`/v1/finds/${found.id}/consents`, { decision: 'granted', scopes: ['found'] }).expect(201)
    ).body;
    const disclosure = `/v1/tracing-requests/${a.id}/sought-people/${a.soughtPeople[0].id}/disclosure`;
    await enquirersCaseworker.get(disclosure).expect(200);
    await foundCaseworker.post(`/v1/finds/${found.id}/consents/${consentId}/withdraw`, { reasonCode: 'recorded_in_error' }).expect(204);
    await enquirersCaseworker.get(disclosure).expect(200);

    const events: { action: string; actorUserId: string; actorRoles: string[]; entityId: string; requestId: string }[] = (
      await auditor.get(`/v1/audit-events?requestId=${a.id}&limit=500`).expect(200)
    ).body;
    const byAction = (action: string) => events.filter((e) => e.action === action);
    for (const action of [
      'candidate_match.read',
      'candidate_match.claim',
      'candidate_match.release',
      'review_decision.confirm',
      'identity_check.passed',
      'disclosure.released',
      'disclosure.read',
    ]) {
      expect({ action, found: byAction(action).length > 0 }).toEqual({ action, found: true });
    }
    expect(byAction('review_decision.confirm')[0]).toMatchObject({
      actorUserId: org.users.reviewer.id,
      actorRoles: ['reviewer'],
      entityId: found.id,
    });
    // The consent belongs to the found person's request, and is found there.
    const foundSide: { action: string }[] = (await auditor.get(`/v1/audit-events?entityId=${found.id}&limit=500`).expect(200)).body;
    expect(foundSide.map((e) => e.action)).toEqual(
      expect.arrayContaining(['found_person_consent.granted', 'found_person_consent.withdrawn']),
    );
    await reviewer.get(`/v1/audit-events?requestId=${a.id}`).expect(403);
    await auditor.get('/v1/audit-events?requestId=not-an-id').expect(400);
  });

  it('refuses UPDATE and DELETE on the audit table', async () => {
    await expect(db.query(`UPDATE audit_event SET action = 'tampered' WHERE id = (SELECT max(id) FROM audit_event)`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)`)).rejects.toThrow(/append-only/);
  });
});
