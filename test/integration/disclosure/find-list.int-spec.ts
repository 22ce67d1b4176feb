/**
 * The caseworker's list of finds (GET /v1/finds): the found person's caseworker sees the finds whose
 * consent they record, in every state; the enquirer's caseworker sees a find only once a disclosure
 * is released to their request; another organisation sees nothing; no person's field is listed.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { type FindStaff, findStaff, PASSED_CHECK } from '../../support/find-staff.js';
import { loginAs, type Session } from '../../support/http.js';
import { uniqueName } from '../../support/request-bodies.js';
import { decide, nextPairYear, reviewFlow } from '../../support/review-flow.js';
import { startStack, type TestStack } from '../../support/stack.js';

const ITEM_KEYS = ['candidateId', 'side', 'state', 'requestId', 'reference', 'safeguarding', 'confirmedAt', 'consentRecordedAt'];

interface Item {
  candidateId: string;
  side: string;
  state: string;
  requestId: string;
  reference: string;
}

describe('the caseworker’s finds', () => {
  let stack: TestStack;
  let api: NestExpressApplication;
  let db: DataSource;
  let staff: FindStaff;
  let officer: Session;
  let reviewer: Session;
  let enquirersCaseworker: Session;
  let foundCaseworker: Session;

  beforeAll(async () => {
    stack = await startStack();
    ({ api, db } = stack);
    staff = await findStaff(api, db);
    ({ officer, reviewer, enquirersCaseworker, foundCaseworker } = staff);
  });

  afterAll(() => stack.stop());

  /** A confirmed find: request a (the enquirer's side) seeks the enquirer of request b (the found person). */
  const confirmedFind = () => staff.confirmedFind({ checked: false });

  const finds = async (session: Session, query = ''): Promise<{ items: Item[]; nextCursor: string | null }> =>
    (await session.get(`/v1/finds${query}`).expect(200)).body;
  const entry = async (session: Session, candidateId: string) =>
    (await finds(session, '?limit=100')).items.find((i) => i.candidateId === candidateId);

  it('follows a find from the identity check to release, on each side only what that side may see', async () => {
    const { b, found } = await confirmedFind();
    expect(await entry(foundCaseworker, found.id)).toMatchObject({
      side: 'found_person',
      state: 'awaiting_identity_check',
      requestId: b.id,
      reference: b.reference,
    });
    expect(await entry(enquirersCaseworker, found.id)).toBeUndefined();

    await reviewer.post(`/v1/finds/${found.id}/identity-checks`, PASSED_CHECK).expect(200);
    expect((await entry(foundCaseworker, found.id))?.state).toBe('awaiting_consent');
    expect((await finds(foundCaseworker, '?state=awaiting_consent&limit=100')).items.map((i) => i.candidateId)).toContain(found.id);
    expect((await finds(foundCaseworker, '?state=released&limit=100')).items.map((i) => i.candidateId)).not.toContain(found.id);
    expect(await entry(enquirersCaseworker, found.id)).toBeUndefined();

    await foundCaseworker.post(`/v1/finds/${found.id}/consents`, { decision: 'granted', scopes: ['found', 'contact_details'] }).expect(201);
    const foundSide = await entry(foundCaseworker, found.id);
    expect(foundSide?.state).toBe('released');
    const enquirerSide = await entry(enquirersCaseworker, found.id);
    expect(enquirerSide).toMatchObject({ side: 'enquirer', state: 'released' });
    // The enquirer's side is told its own request, never the found person's.
    expect(enquirerSide?.reference).not.toBe(b.reference);
  });

  it('lists ids, references, states and dates only: no person’s field', async () => {
    const { b, found } = await confirmedFind();
    const listed = await entry(foundCaseworker, found.id);
    expect(Object.keys(listed!).every((key) => ITEM_KEYS.includes(key))).toBe(true);
    // The names as the officer reads them (through the API: names are sealed in the database).
    const names: { value: string }[] = (await officer.get(`/v1/tracing-requests/${b.id}`).expect(200)).body.enquirer.names;
    expect(names.length).toBeGreaterThan(0);
    const text = JSON.stringify(await finds(foundCaseworker, '?limit=100'));
    for (const { value } of names) expect(text).not.toContain(value);
  });

  it('shows a refusal to the found person’s side only', async () => {
    const { found } = await confirmedFind();
    await reviewer.post(`/v1/finds/${found.id}/identity-checks`, PASSED_CHECK).expect(200);
    await foundCaseworker.post(`/v1/finds/${found.id}/consents`, { decision: 'refused', scopes: [] }).expect(201);
    expect((await entry(foundCaseworker, found.id))?.state).toBe('refused');
    expect(await entry(enquirersCaseworker, found.id)).toBeUndefined();
  });

  it('pages newest first without repeating or skipping a find', async () => {
    await confirmedFind();
    await confirmedFind();
    const all = (await finds(foundCaseworker, '?limit=100')).items.map((i) => i.candidateId);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await finds(foundCaseworker, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((i) => i.candidateId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it('shows another organisation nothing, and refuses every role but the caseworker', async () => {
    await confirmedFind();
    const other = await makeOrganisation(db);
    expect(await finds(await loginAs(api, other.users.caseworker))).toEqual({ items: [], nextCursor: null });
    for (const role of ['officer', 'reviewer', 'admin', 'auditor'] as const) {
      await (await loginAs(api, staff.org.users[role])).get('/v1/finds').expect(403);
    }
  });

  it('lists a find across two organisations to the found person’s side only while their sharing agreement lives', async () => {
    const [north, south] = [await makeOrganisation(db), await makeOrganisation(db)];
    const as = async (org: TestOrganisation, role: 'officer' | 'reviewer' | 'caseworker' | 'admin') => loginAs(api, org.users[role]);
    const agreement = (await (await as(north, 'admin')).post('/v1/sharing-agreements', { partnerOrganisationId: south.id }).expect(201))
      .body;
    await (await as(south, 'admin')).post(`/v1/sharing-agreements/${agreement.id}/approve`).expect(200);
    const family = uniqueName();
    const year = nextPairYear();
    const amina = { value: `Amina ${family}`, sex: 'female', year } as const;
    const omar = { value: `Omar ${family}`, sex: 'male', year: year + 3 } as const;
    const a = await reviewFlow(db, await as(north, 'officer')).submit(amina, omar, { caseworkerId: north.users.caseworker.id });
    const southFlow = reviewFlow(db, await as(south, 'officer'));
    const b = await southFlow.submit({ ...omar, value: `عمر ${family}`, script: 'Arab' }, amina);
    const found = await southFlow.candidateBetween(a.soughtPeople[0].id, b.enquirer.id);
    await decide(await as(north, 'reviewer'), found.id);
    expect((await decide(await as(south, 'reviewer'), found.id)).reviewStatus).toBe('confirmed');

    const southCaseworker = await as(south, 'caseworker');
    expect(await entry(southCaseworker, found.id)).toMatchObject({ side: 'found_person', reference: b.reference, requestId: b.id });
    expect(JSON.stringify(await finds(southCaseworker, '?limit=100'))).not.toContain(a.reference);
    expect(await entry(await as(north, 'caseworker'), found.id)).toBeUndefined();

    await (await as(north, 'admin')).post(`/v1/sharing-agreements/${agreement.id}/withdraw`).expect(200);
    expect(await entry(southCaseworker, found.id)).toBeUndefined();
  });

  it('answers a state or cursor it does not know with 400, naming the field', async () => {
    const state = await foundCaseworker.get('/v1/finds?state=found').expect(400);
    expect(JSON.stringify(state.body)).toContain('state');
    const cursor = await foundCaseworker.get('/v1/finds?cursor=not-ours').expect(400);
    expect(JSON.stringify(cursor.body)).toContain('cursor');
  });
});
