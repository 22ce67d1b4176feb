/**
 * The caseworker's pages without a browser: the found person's caseworker finds a find in their list
 * and records the found person's answer through the form (the API's own validation, nothing written
 * on a bad answer); the enquirer's caseworker sees nothing before release and the found person's
 * contact details after it, and nothing again once the consent is withdrawn; another organisation gets 404.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { type ConsoleAgent, consoleAgent } from '../../support/console-agent.js';
import { addUser, makeOrganisation, type TestUser } from '../../support/factories.js';
import { type FindStaff, findStaff, PASSED_CHECK } from '../../support/find-staff.js';
import { loginAs } from '../../support/http.js';
import { decide, reviewFlow } from '../../support/review-flow.js';
import { startStack, type TestStack } from '../../support/stack.js';

describe('console caseworker pages', () => {
  let stack: TestStack;
  let api: NestExpressApplication;
  let db: DataSource;
  let staff: FindStaff;

  beforeAll(async () => {
    stack = await startStack();
    ({ api, db } = stack);
    staff = await findStaff(api, db);
  });

  afterAll(() => stack.stop());

  const signedIn = async (user: TestUser): Promise<ConsoleAgent> => {
    const agent = consoleAgent(api);
    await agent.signIn(user);
    return agent;
  };

  /** A find whose identity check has passed: the found person's answer is awaited. */
  async function findAwaitingConsent() {
    const pair = await staff.confirmedFind({ checked: true });
    // The found person's contact details, read the way their own caseworker reads them.
    const contact = (await staff.foundCaseworker.get(`/v1/tracing-requests/${pair.b.id}/persons/${pair.b.enquirer.id}/contact`).expect(200))
      .body as { contactDetails: string; currentWhereabouts: string };
    return { ...pair, contact };
  }

  const consentRows = async (candidateId: string): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM found_person_consent WHERE candidate_id = $1`, [candidateId]))[0].n;

  it('records the found person’s consent through the form, and shows the contact details only once released', async () => {
    const { found, contact } = await findAwaitingConsent();
    const foundSide = await signedIn(staff.foundCaseworkerUser);
    const enquirerSide = await signedIn(staff.org.users.caseworker);

    const list = await foundSide.get('/console/finds?state=awaiting_consent');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`href="/console/finds/${found.id}"`);
    expect((await enquirerSide.get('/console/finds')).text).not.toContain(found.id);

    const before = await enquirerSide.get(`/console/finds/${found.id}`);
    expect(before.status).toBe(200);
    expect(before.text).toContain('Nothing is released');
    for (const text of [contact.contactDetails, contact.currentWhereabouts]) expect(before.text).not.toContain(text);

    const page = await foundSide.get(`/console/finds/${found.id}`);
    expect(page.text).toContain(`action="/console/finds/${found.id}/consent"`);

    // A grant without 'found', and an answer without a decision: the API's messages at their fields, nothing written.
    const noFound = await foundSide.post(`/console/finds/${found.id}/consent`, { decision: 'granted', scopes: 'contact_details' });
    expect(noFound.status).toBe(400);
    expect(noFound.text).toMatch(/id="f-scopes-error"[^>]*>[^<]*a grant must include &#39;found&#39;/);
    const noDecision = await foundSide.post(`/console/finds/${found.id}/consent`, { scopes: 'found', message: 'typed before the mistake' });
    expect(noDecision.status).toBe(400);
    expect(noDecision.text).toContain('id="f-decision-error"');
    expect(noDecision.text).toContain('typed before the mistake');
    expect(await consentRows(found.id)).toBe(0);

    const recorded = await foundSide.post(`/console/finds/${found.id}/consent`, {
      decision: 'granted',
      scopes: ['found', 'message', 'contact_details', 'whereabouts'],
      message: 'قولوا لها إني بخير',
    });
    expect(recorded.status).toBe(303);
    expect(recorded.headers.location).toBe(`/console/finds/${found.id}?done=recorded`);
    expect(await consentRows(found.id)).toBe(1);

    expect((await enquirerSide.get('/console/finds?state=released')).text).toContain(`href="/console/finds/${found.id}"`);
    const after = await enquirerSide.get(`/console/finds/${found.id}`);
    for (const text of [contact.contactDetails, contact.currentWhereabouts, 'قولوا لها إني بخير']) expect(after.text).toContain(text);
    expect(after.text).toMatch(/<bdi dir="auto">قولوا لها إني بخير<\/bdi>/);

    // Withdrawn: the enquirer's side is back to nothing.
    const [{ id: consentId }] = await db.query(`SELECT id FROM found_person_consent WHERE candidate_id = $1`, [found.id]);
    await foundSide.get(`/console/finds/${found.id}`);
    const noReason = await foundSide.post(`/console/finds/${found.id}/consents/${consentId}/withdraw`, { reasonCode: 'changed_mind' });
    expect(noReason.status).toBe(400);
    expect((await enquirerSide.get(`/console/finds/${found.id}`)).text).toContain(contact.contactDetails);
    await foundSide.get(`/console/finds/${found.id}`);
    const withdrawn = await foundSide.post(`/console/finds/${found.id}/consents/${consentId}/withdraw`, {
      reasonCode: 'found_person_withdrew',
    });
    expect(withdrawn.status).toBe(303);
    const later = await enquirerSide.get(`/console/finds/${found.id}`);
    expect(later.text).toContain('Nothing is released');
    for (const text of [contact.contactDetails, contact.currentWhereabouts]) expect(later.text).not.toContain(text);
  });

  it('records a refusal, and shows the page in Arabic, mirrored', async () => {
    const { found } = await findAwaitingConsent();
    const foundSide = await signedIn(staff.foundCaseworkerUser);
    await foundSide.get(`/console/language/ar?back=/console/finds/${found.id}`);
    const page = await foundSide.get(`/console/finds/${found.id}`);
    expect(page.text).toContain('<html lang="ar" dir="rtl">');
    expect(page.text).toContain('تسجيل جواب الشخص الذي عُثر عليه');
    expect((await foundSide.post(`/console/finds/${found.id}/consent`, { decision: 'refused' })).status).toBe(303);
    const [row] = await db.query(`SELECT decision, scopes FROM found_person_consent WHERE candidate_id = $1`, [found.id]);
    expect(row).toEqual({ decision: 'refused', scopes: [] });
  });

  it('releases a flagged find only after two different people overrode the flag on the page', async () => {
    const secondReviewer = await loginAs(api, await addUser(db, staff.org, 'reviewer'));
    const { b, found } = await reviewFlow(db, staff.officer).reciprocalPair(
      { caseworkerId: staff.org.users.caseworker.id, safeguardingFlags: ['trafficking_survivor'] },
      { caseworkerId: staff.foundCaseworkerUser.id },
    );
    for (const reviewer of [staff.reviewer, secondReviewer])
      await decide(reviewer, found.id, { decision: 'confirm', reasonCode: 'reciprocal_search' });
    for (const reviewer of [staff.reviewer, secondReviewer])
      await reviewer.post(`/v1/finds/${found.id}/identity-checks`, PASSED_CHECK).expect(200);
    const { contactDetails } = (
      await staff.foundCaseworker.get(`/v1/tracing-requests/${b.id}/persons/${b.enquirer.id}/contact`).expect(200)
    ).body;

    const foundSide = await signedIn(staff.foundCaseworkerUser);
    const enquirerSide = await signedIn(staff.org.users.caseworker);
    await foundSide.get(`/console/finds/${found.id}`);
    expect(
      (await foundSide.post(`/console/finds/${found.id}/consent`, { decision: 'granted', scopes: ['found', 'contact_details'] })).status,
    ).toBe(303);
    expect((await enquirerSide.get(`/console/finds/${found.id}`)).text).toContain('Nothing is released');

    const [{ id: consentId }] = await db.query(`SELECT id FROM found_person_consent WHERE candidate_id = $1`, [found.id]);
    const override = `/console/finds/${found.id}/consents/${consentId}/override`;
    await foundSide.get(`/console/finds/${found.id}`);
    expect((await foundSide.post(override, { reasonCode: 'found_person_safety_assessed' })).status).toBe(303);
    // The same person twice is still one person.
    expect((await foundSide.post(override, { reasonCode: 'found_person_safety_assessed' })).status).toBe(409);
    const once = await enquirerSide.get(`/console/finds/${found.id}`);
    expect(once.text).toContain('Nothing is released');
    expect(once.text).not.toContain(contactDetails);

    expect((await enquirerSide.post(override, { reasonCode: 'protection_officer_approved' })).status).toBe(303);
    expect((await enquirerSide.get(`/console/finds/${found.id}`)).text).toContain(contactDetails);
  });

  it('answers another organisation’s caseworker with 404 and lists nothing of ours', async () => {
    const { found } = await findAwaitingConsent();
    const other = await makeOrganisation(db);
    const foreign = await signedIn(other.users.caseworker);
    expect((await foreign.get(`/console/finds/${found.id}`)).status).toBe(404);
    expect((await foreign.post(`/console/finds/${found.id}/consent`, { decision: 'granted', scopes: 'found' })).status).toBe(404);
    expect((await foreign.get('/console/finds')).text).not.toContain(found.id);
    expect(await consentRows(found.id)).toBe(0);
  });
});
