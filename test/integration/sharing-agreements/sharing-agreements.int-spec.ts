/**
 * Matching across two organisations exists only under a sharing agreement approved by an admin of
 * each, through HTTP on the real queue and worker.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { startStack, type TestStack } from '../../support/stack.js';
import { uniqueName } from '../../support/request-bodies.js';
import { decide, nextPairYear, reviewFlow } from '../../support/review-flow.js';
import { eventually } from '../../support/test-app.js';

describe('sharing agreements', () => {
  let stack: TestStack;
  let api: NestExpressApplication;
  let db: DataSource;
  let north: TestOrganisation;
  let south: TestOrganisation;
  let as: Record<'northOfficer' | 'southOfficer' | 'northReviewer' | 'southReviewer' | 'northAdmin' | 'southAdmin', Session>;

  beforeAll(async () => {
    stack = await startStack();
    ({ api, db } = stack);
    north = await makeOrganisation(db);
    south = await makeOrganisation(db);
    as = {
      northOfficer: await loginAs(api, north.users.officer),
      southOfficer: await loginAs(api, south.users.officer),
      northReviewer: await loginAs(api, north.users.reviewer),
      southReviewer: await loginAs(api, south.users.reviewer),
      northAdmin: await loginAs(api, north.users.admin),
      southAdmin: await loginAs(api, south.users.admin),
    };
  });

  afterAll(() => stack.stop());

  /** Amina files with North looking for Omar; Omar files with South, in Arabic script, looking for Amina. */
  async function acrossOrganisations() {
    const family = uniqueName();
    const year = nextPairYear();
    const amina = { sex: 'female', year } as const;
    const omar = { sex: 'male', year: year + 3 } as const;
    const a = await reviewFlow(db, as.northOfficer).submit({ value: `Amina ${family}`, ...amina }, { value: `Omar ${family}`, ...omar });
    const b = await reviewFlow(db, as.southOfficer).submit(
      { value: `عمر ${family}`, script: 'Arab', ...omar },
      { value: `Amina ${family}`, ...amina },
    );
    return { a, b };
  }

  const candidatesBetween = async (x: string, y: string) =>
    db.query(`SELECT id, review_status FROM candidate_match WHERE person_a_id = $1 AND person_b_id = $2`, [x, y].sort());
  const queueIds = async (session: Session) =>
    (await session.get('/v1/review/candidates?limit=100').expect(200)).body.items.map((item: { id: string }) => item.id);

  it('matches across two organisations only once both admins agreed, and needs a confirmation from each side', async () => {
    const before = await acrossOrganisations();
    // Both records are matched (their own requests' candidates exist) without crossing over.
    await eventually(async () => (await db.query(`SELECT 1 FROM match_run WHERE person_id = $1`, [before.b.enquirer.id])).length > 0);
    expect(await candidatesBetween(before.a.soughtPeople[0].id, before.b.enquirer.id)).toEqual([]);

    await as.northOfficer.post('/v1/sharing-agreements', { partnerOrganisationId: south.id }).expect(403);
    const proposed = (await as.northAdmin.post('/v1/sharing-agreements', { partnerOrganisationId: south.id }).expect(201)).body;
    expect(proposed).toMatchObject({ approvedByUs: true, approvedByPartner: false, active: false });
    const stranger = await loginAs(api, (await makeOrganisation(db)).users.admin);
    await stranger.post(`/v1/sharing-agreements/${proposed.id}/approve`).expect(404);
    // Proposed but not approved: still nothing crosses.
    const waiting = await acrossOrganisations();
    await eventually(async () => (await db.query(`SELECT 1 FROM match_run WHERE person_id = $1`, [waiting.b.enquirer.id])).length > 0);
    expect(await candidatesBetween(waiting.a.soughtPeople[0].id, waiting.b.enquirer.id)).toEqual([]);

    const approved = (await as.southAdmin.post(`/v1/sharing-agreements/${proposed.id}/approve`).expect(200)).body;
    expect(approved).toMatchObject({ approvedByUs: true, approvedByPartner: true, active: true, partnerOrganisationId: north.id });

    const { a, b } = await acrossOrganisations();
    const [found] = await eventually(async () => {
      const rows = await candidatesBetween(a.soughtPeople[0].id, b.enquirer.id);
      return rows.length > 0 ? rows : undefined;
    });
    expect(await queueIds(as.northReviewer)).toContain(found.id);
    expect(await queueIds(as.southReviewer)).toContain(found.id);
    const northQueue = (await as.northReviewer.get(`/v1/review/candidates?limit=100`).expect(200)).body.items;
    expect(northQueue.find((item: { id: string }) => item.id === found.id).references).toEqual([a.reference]);

    // Each side sees the other's record by its matching fields only.
    const view = (await as.northReviewer.get(`/v1/review/candidates/${found.id}`).expect(200)).body;
    const theirs = view.records.find((r: { personId: string }) => r.personId === b.enquirer.id);
    expect(theirs.ownOrganisation).toBe(false);
    expect(theirs.request).toBeUndefined();
    expect(theirs.lastKnownPlace).toBeUndefined();
    expect(JSON.stringify(theirs)).not.toContain(b.reference);

    expect((await decide(as.northReviewer, found.id)).reviewStatus).toBe('awaiting_second_review');
    expect((await decide(as.southReviewer, found.id)).reviewStatus).toBe('confirmed');
    expect(await reviewFlow(db, as.northOfficer).personStatus(a.soughtPeople[0].id)).toBe('match_confirmed');
  });

  it('hides pending cross-organisation candidates from both queues when either side withdraws', async () => {
    const proposed = (await as.southAdmin.get('/v1/sharing-agreements').expect(200)).body.find((x: { active: boolean }) => x.active);
    const { a, b } = await acrossOrganisations();
    const [found] = await eventually(async () => {
      const rows = await candidatesBetween(a.soughtPeople[0].id, b.enquirer.id);
      return rows.length > 0 ? rows : undefined;
    });
    await eventually(async () => (await reviewFlow(db, as.northOfficer).personStatus(a.soughtPeople[0].id)) === 'possible_match');

    const withdrawn = (await as.southAdmin.post(`/v1/sharing-agreements/${proposed.id}/withdraw`).expect(200)).body;
    expect(withdrawn.active).toBe(false);
    expect(await queueIds(as.northReviewer)).not.toContain(found.id);
    expect(await queueIds(as.southReviewer)).not.toContain(found.id);
    await as.northReviewer.get(`/v1/review/candidates/${found.id}`).expect(404);
    await as.southReviewer.post(`/v1/review/candidates/${found.id}/claim`).expect(404);
    // Its only candidate gone, the sought person searches again.
    expect(await reviewFlow(db, as.northOfficer).personStatus(a.soughtPeople[0].id)).toBe('searching');
    await as.northAdmin.post(`/v1/sharing-agreements/${proposed.id}/withdraw`).expect(409);

    const actions = (await db.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [proposed.id])).map(
      (r: { action: string }) => r.action,
    );
    expect(actions).toEqual(['sharing_agreement.proposed', 'sharing_agreement.approved', 'sharing_agreement.withdrawn']);
  });
});
