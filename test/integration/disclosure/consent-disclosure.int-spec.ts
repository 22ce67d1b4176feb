/**
 * From a confirmed find to a disclosure, through HTTP on the real queue and worker: nothing about the
 * found person reaches the enquirer's side before the found person's consent, and nothing after it
 * is withdrawn; a safeguarding flag needs two people at every step.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { FieldVault } from '../../../src/key-store/field-vault.js';
import { openContact } from '../../../src/persons/person-writer.js';
import { addUser, makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { startStack, type TestStack } from '../../support/stack.js';
import { decide, reviewFlow } from '../../support/review-flow.js';
import { namesOf, personStrings } from '../../support/person-strings.js';

describe('consent-gated disclosure', () => {
  let stack: TestStack;
  let api: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;
  let officer: Session;
  let reviewer: Session;
  let secondReviewer: Session;
  /** the enquirer's caseworker (request a) */
  let enquirersCaseworker: Session;
  /** the found person's caseworker (request b) */
  let foundCaseworker: Session;
  let foundCaseworkerId: string;

  beforeAll(async () => {
    stack = await startStack();
    ({ api, db } = stack);
    org = await makeOrganisation(db);
    officer = await loginAs(api, org.users.officer);
    reviewer = await loginAs(api, org.users.reviewer);
    secondReviewer = await loginAs(api, await addUser(db, org, 'reviewer'));
    enquirersCaseworker = await loginAs(api, org.users.caseworker);
    const second = await addUser(db, org, 'caseworker');
    foundCaseworkerId = second.id;
    foundCaseworker = await loginAs(api, second);
  });

  afterAll(() => stack.stop());

  async function findWithCaseworkers(flags: string[] = []) {
    const flow = reviewFlow(db, officer);
    const pair = await flow.reciprocalPair(
      { caseworkerId: org.users.caseworker.id, safeguardingFlags: flags },
      { caseworkerId: foundCaseworkerId },
    );
    const disclosure = async () =>
      (await enquirersCaseworker.get(`/v1/tracing-requests/${pair.a.id}/sought-people/${pair.a.soughtPeople[0].id}/disclosure`).expect(200))
        .body;
    /** every text the found person's own record holds in the database */
    const foundPersonTexts = async (): Promise<string[]> => {
      // Stored sealed: the texts to look for are what the seals hold.
      const texts = await personStrings(db, [pair.b.enquirer.id]);
      const [row] = await db.query(`SELECT id::text, request_id::text FROM person_record WHERE id = $1`, [pair.b.enquirer.id]);
      return [...Object.values(row), ...texts].filter((v): v is string => typeof v === 'string' && v.length >= 4);
    };
    return { ...pair, flow, disclosure, foundPersonTexts, soughtId: pair.a.soughtPeople[0].id };
  }

  const url = (candidateId: string, rest: string) => `/v1/finds/${candidateId}/${rest}`;
  const passCheck = { outcome: 'passed', methods: ['knowledge_questions'], reasonCode: 'answers_match_circumstances' };
  const fullGrant = { decision: 'granted', scopes: ['found', 'message', 'contact_details', 'whereabouts'], message: 'Tell her I am well.' };

  it('shows the enquirer side nothing until the found person consents, then only what they allowed, and nothing after withdrawal', async () => {
    const { found, flow, disclosure, foundPersonTexts, soughtId } = await findWithCaseworkers();
    const nothing = { released: false };
    const seenBefore = [await disclosure()];

    await decide(reviewer, found.id, { decision: 'confirm', reasonCode: 'reciprocal_search' });
    expect(await flow.personStatus(soughtId)).toBe('match_confirmed');
    seenBefore.push(await disclosure());
    // No one asks the found person before the enquirer's identity and risk check has passed.
    await foundCaseworker.post(url(found.id, 'consents'), fullGrant).expect(409);

    expect((await reviewer.post(url(found.id, 'identity-checks'), passCheck).expect(200)).body).toEqual({ state: 'passed' });
    expect(await flow.personStatus(soughtId)).toBe('awaiting_consent');
    seenBefore.push(await disclosure());
    // Only the found person's caseworker records their consent.
    await enquirersCaseworker.post(url(found.id, 'consents'), fullGrant).expect(403);
    seenBefore.push(await disclosure());

    for (const seen of seenBefore) expect(seen).toEqual(nothing);
    const texts = await foundPersonTexts();
    for (const seen of seenBefore) for (const text of texts) expect(JSON.stringify(seen)).not.toContain(text);

    const { consentId } = (await foundCaseworker.post(url(found.id, 'consents'), fullGrant).expect(201)).body;
    expect(await flow.personStatus(soughtId)).toBe('contact_shared');
    const [stored] = await db.query(
      `SELECT person_id, contact_details, current_whereabouts FROM person_contact WHERE person_id = (
      SELECT CASE WHEN person_a_id = $2 THEN person_b_id ELSE person_a_id END FROM candidate_match WHERE id = $1)`,
      [found.id, soughtId],
    );
    expect([stored.contact_details, stored.current_whereabouts]).toEqual([
      expect.stringMatching(/^enc:v1:/),
      expect.stringMatching(/^enc:v1:/),
    ]);
    const contact = await openContact(api.get(FieldVault), stored.person_id, {
      contactDetails: stored.contact_details,
      currentWhereabouts: stored.current_whereabouts,
    });
    expect(await disclosure()).toEqual({
      released: true,
      found: true,
      message: 'Tell her I am well.',
      contactDetails: contact.contactDetails,
      currentWhereabouts: contact.currentWhereabouts,
    });

    await foundCaseworker.post(url(found.id, `consents/${consentId}/withdraw`), { reasonCode: 'found_person_withdrew' }).expect(204);
    expect(await disclosure()).toEqual(nothing);

    const actions = (await db.query(`SELECT action FROM audit_event WHERE entity_id IN ($1, $2) ORDER BY id`, [found.id, soughtId])).map(
      (r: { action: string }) => r.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'identity_check.passed',
        'found_person_consent.granted',
        'found_person_consent.withdrawn',
        'disclosure.read',
      ]),
    );
    const released = await db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'disclosure.released' AND reason_code = 'consent_valid'`,
    );
    expect(released[0].n).toBeGreaterThanOrEqual(1);
  });

  it('shares only the scopes the found person allowed', async () => {
    const { found, disclosure } = await findWithCaseworkers();
    await decide(reviewer, found.id);
    await reviewer.post(url(found.id, 'identity-checks'), passCheck).expect(200);
    await foundCaseworker.post(url(found.id, 'consents'), { decision: 'granted', scopes: ['found'] }).expect(201);
    expect(await disclosure()).toEqual({ released: true, found: true });
  });

  it('sends a refused find back to searching, and the enquirer side sees what it saw before', async () => {
    const { a, found, flow, disclosure, soughtId } = await findWithCaseworkers();
    // The survivor's status, read through the caseworker at every step, never changes.
    const status = async () => (await enquirersCaseworker.get(`/v1/case-status/${a.reference}`).expect(200)).body;
    const heard = [await status()];
    await decide(reviewer, found.id);
    heard.push(await status());
    await reviewer.post(url(found.id, 'identity-checks'), passCheck).expect(200);
    heard.push(await status());
    const findAsHeard = async () => (await enquirersCaseworker.get(`/v1/finds/${found.id}`).expect(200)).body;
    const beforeAnswer = await findAsHeard();
    await foundCaseworker.post(url(found.id, 'consents'), { decision: 'refused', scopes: [] }).expect(201);
    heard.push(await status());
    expect(await flow.personStatus(soughtId)).toBe('searching');
    expect(await disclosure()).toEqual({ released: false });
    // The enquirer's caseworker reads the find as before the answer: a refusal is no news to pass on.
    expect((await findAsHeard()).consents).toEqual(beforeAnswer.consents);
    expect(beforeAnswer.consents).toEqual([]);
    // The found person's caseworker sees the answer they recorded.
    const foundSide = (await foundCaseworker.get(`/v1/finds/${found.id}`).expect(200)).body;
    expect(foundSide.consents.map((c: { decision: string }) => c.decision)).toEqual(['refused']);
    expect(heard[0].status).toBe('searching');
    for (const later of heard) expect(later).toEqual(heard[0]);
  });

  it('tells the survivor there is news only once the found person consented', async () => {
    const { a, found } = await findWithCaseworkers();
    const status = async () => (await enquirersCaseworker.get(`/v1/case-status/${a.reference}`).expect(200)).body;
    await decide(reviewer, found.id);
    await reviewer.post(url(found.id, 'identity-checks'), passCheck).expect(200);
    expect((await status()).status).toBe('searching');
    await foundCaseworker.post(url(found.id, 'consents'), { decision: 'granted', scopes: ['found'] }).expect(201);
    expect((await status()).status).toBe('news');
  });

  it('needs two different people to confirm, to pass the identity check and to release a flagged find', async () => {
    const { found, flow, disclosure, soughtId } = await findWithCaseworkers(['trafficking_survivor']);
    expect((await decide(reviewer, found.id)).reviewStatus).toBe('awaiting_second_review');
    expect(await flow.personStatus(soughtId)).toBe('on_hold');
    expect((await decide(secondReviewer, found.id)).reviewStatus).toBe('confirmed');

    expect((await reviewer.post(url(found.id, 'identity-checks'), passCheck).expect(200)).body).toEqual({ state: 'awaiting_second_check' });
    expect(await flow.personStatus(soughtId)).toBe('match_confirmed');
    await reviewer.post(url(found.id, 'identity-checks'), passCheck).expect(409);
    expect((await secondReviewer.post(url(found.id, 'identity-checks'), passCheck).expect(200)).body).toEqual({ state: 'passed' });

    const { consentId } = (await foundCaseworker.post(url(found.id, 'consents'), fullGrant).expect(201)).body;
    expect(await disclosure()).toEqual({ released: false });
    const override = { reasonCode: 'found_person_safety_assessed' };
    expect((await reviewer.post(url(found.id, `consents/${consentId}/overrides`), override).expect(200)).body).toEqual({ overrides: 1 });
    await reviewer.post(url(found.id, `consents/${consentId}/overrides`), override).expect(409);
    expect(await disclosure()).toEqual({ released: false });
    expect((await foundCaseworker.post(url(found.id, `consents/${consentId}/overrides`), override).expect(200)).body).toEqual({
      overrides: 2,
    });
    expect((await disclosure()).released).toBe(true);
  });

  it("tells the found person's side who is searching only if the enquirer agreed, and never the reverse", async () => {
    const intake = (agreesToIdentityShared: boolean) => ({
      intakeConsent: { consentsToProcessing: true, agreesToBeFound: true, agreesToIdentityShared, informationNoticeVersion: '2026-01' },
    });
    const flow = reviewFlow(db, officer);
    for (const agrees of [false, true]) {
      const { a, found } = await flow.reciprocalPair(
        { caseworkerId: org.users.caseworker.id, ...intake(agrees) },
        { caseworkerId: foundCaseworkerId },
      );
      await decide(reviewer, found.id);
      const foundSide = (await foundCaseworker.get(`/v1/finds/${found.id}`).expect(200)).body;
      expect(foundSide.searchedForBy.relationship).toBe('sibling');
      const enquirerNames = (await namesOf(db, [a.enquirer.id])).map((n) => n.value);
      expect(foundSide.searchedForBy.names).toEqual(agrees ? enquirerNames : undefined);
      expect(foundSide.identityCheck.state).toBe('not_checked');
    }
  });

  it('refuses malformed consents and checks with a 4xx, and outsiders with 404', async () => {
    const { found } = await findWithCaseworkers();
    await decide(reviewer, found.id);
    await reviewer.post(url(found.id, 'identity-checks'), { ...passCheck, reasonCode: 'answers_contradict' }).expect(400);
    await reviewer.post(url(found.id, 'identity-checks'), { ...passCheck, methods: [] }).expect(400);
    await reviewer.post(url(found.id, 'identity-checks'), passCheck).expect(200);
    await foundCaseworker.post(url(found.id, 'consents'), { decision: 'granted', scopes: ['contact_details'] }).expect(400);
    await foundCaseworker.post(url(found.id, 'consents'), { decision: 'refused', scopes: ['found'] }).expect(400);
    await foundCaseworker.post(url(found.id, 'consents'), { decision: 'granted', scopes: ['found'], message: 'hi' }).expect(400);
    const stranger = await loginAs(api, (await makeOrganisation(db)).users.reviewer);
    await stranger.post(url(found.id, 'identity-checks'), passCheck).expect(404);
  });
});
