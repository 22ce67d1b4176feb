import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { countDomainRows } from '../../support/domain-rows.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { makeRequestBody } from '../../support/request-bodies.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

describe('tracing requests (officer API)', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;
  let officer: Session;

  beforeAll(async () => {
    app = await startApi();
    db = dataSourceOf(app);
    org = await makeOrganisation(db);
    officer = await loginAs(app, org.users.officer);
  });

  afterAll(async () => {
    await app.close();
  });

  it('stores a request with names in several scripts and reads it back byte for byte', async () => {
    const body = makeRequestBody();
    const created = await officer.post('/v1/tracing-requests', body).expect(201);
    expect(created.body.reference).toMatch(/^TR-\d{4}-\d{6}$/);
    expect(created.body.status).toBe('submitted');

    const read = await officer.get(`/v1/tracing-requests/${created.body.id}`).expect(200);
    expect(read.body.enquirer.names).toEqual(body.enquirer.names);
    expect(read.body.soughtPeople[0].names).toEqual(body.soughtPeople[0].names);
    expect(Buffer.from(JSON.stringify(read.body.soughtPeople[0].names))).toEqual(Buffer.from(JSON.stringify(body.soughtPeople[0].names)));
    expect(read.body.soughtPeople[0].birthDate).toMatchObject({ kind: 'age_at', earliest: '2009-03-02', latest: '2010-03-01' });
    expect(read.body.soughtPeople[0].legalBasis).toBe('vital_interest');
    expect(read.body.enquirer.legalBasis).toBe('consent');
    expect(read.body.intakeConsent).toMatchObject({ agreesToBeFound: true, informationNoticeVersion: '2026-01' });
    // contact details and whereabouts never travel with the request
    expect(JSON.stringify(read.body)).not.toContain('Shelter 4');
  });

  it('answers 400 with the wrong fields, without echoing values, and writes no domain row', async () => {
    const count = () => countDomainRows(db);
    const before = await count();
    const secret = 'Zeynep-Secret-Name';
    const bad = makeRequestBody({
      soughtPeople: [
        {
          relationshipToEnquirer: 'cousin',
          names: [
            { value: secret, part: 'nickname' },
            { value: '', part: 'given' },
          ],
          birthDate: { kind: 'range', from: '1990', to: '1985' },
          unexpected: secret,
        },
      ],
    });
    const response = await officer.post('/v1/tracing-requests', bad).expect(400);
    const fields = response.body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['soughtPeople.0.names.1.value', 'soughtPeople.0.unexpected']));
    expect(JSON.stringify(response.body)).not.toContain(secret);

    // a shape-valid body whose birth range ends before it starts is refused by the domain rule
    const reversed = makeRequestBody();
    reversed.soughtPeople[0].birthDate = { kind: 'range', from: '1990', to: '1985' } as never;
    const rangeResponse = await officer.post('/v1/tracing-requests', reversed).expect(400);
    expect(rangeResponse.body.fields[0].field).toBe('soughtPeople.0.birthDate.to');

    await officer.post('/v1/tracing-requests', makeRequestBody({ intakeConsent: { consentsToProcessing: false } })).expect(400);
    const malformed = await officer
      .post('/v1/tracing-requests')
      .set('Content-Type', 'application/json')
      .send(`{"enquirer": "${secret}`)
      .expect(400);
    expect(JSON.stringify(malformed.body)).not.toContain(secret);

    expect(await count()).toEqual(before);
  });

  it('lists with filters and cursor pagination, newest first, without personal data', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body.id);
    const first = await officer.get('/v1/tracing-requests?limit=2').expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].id).toBe(ids[2]);
    expect(JSON.stringify(first.body)).not.toMatch(/فاطمة|Youssef/);
    const second = await officer.get(`/v1/tracing-requests?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items[0].id).toBe(ids[0]);

    const reference = first.body.items[0].reference;
    const byReference = await officer.get(`/v1/tracing-requests?reference=${reference}`).expect(200);
    expect(byReference.body.items.map((i: { id: string }) => i.id)).toEqual([ids[2]]);
    const byStatus = await officer.get('/v1/tracing-requests?status=withdrawn').expect(200);
    expect(byStatus.body.items.every((i: { status: string }) => i.status === 'withdrawn')).toBe(true);
    await officer.get('/v1/tracing-requests?createdFrom=2020-13-45').expect(400);
    await officer.get('/v1/tracing-requests?cursor=not-a-cursor').expect(400);
  });

  it('pages through requests created within the same millisecond without skipping any', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body.id);
    for (const [i, id] of ids.entries()) {
      await db.query(`UPDATE tracing_request SET created_at = $2 WHERE id = $1`, [id, `2020-02-02T00:00:00.000${i + 1}00Z`]);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await officer
        .get(`/v1/tracing-requests?limit=1&createdFrom=2020-02-01&createdTo=2020-02-03${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('updates with optimistic concurrency and refuses a stale version with 409', async () => {
    const created = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    const sought = created.soughtPeople[0];
    const changedNames = [...makeRequestBody().soughtPeople[0].names, { value: 'Yusuf', part: 'alias', script: 'Latn' }];
    const updated = await officer
      .patch(`/v1/tracing-requests/${created.id}`, {
        version: created.version,
        safeguardingFlags: ['trafficking_survivor'],
        persons: [{ id: sought.id, names: changedNames, sex: 'male' }],
      })
      .expect(200);
    expect(updated.body.version).toBe(created.version + 1);
    expect(updated.body.soughtPeople[0].version).toBe(sought.version + 1);
    expect(updated.body.soughtPeople[0].names.at(-1).value).toBe('Yusuf');
    await officer.patch(`/v1/tracing-requests/${created.id}`, { version: created.version, circumstances: 'x' }).expect(409);
  });

  it('withdraws once; a second withdrawal or an edit afterwards is 409; history records every transition', async () => {
    const created = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    const withdrawn = await officer.post(`/v1/tracing-requests/${created.id}/withdraw`, { reasonCode: 'enquirer_withdrew' }).expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const again = await officer.post(`/v1/tracing-requests/${created.id}/withdraw`, { reasonCode: 'enquirer_withdrew' }).expect(409);
    expect(again.body.message).toMatch(/withdrawn/);
    await officer.patch(`/v1/tracing-requests/${created.id}`, { version: withdrawn.body.version, circumstances: 'x' }).expect(409);

    const history = await officer.get(`/v1/tracing-requests/${created.id}/history`).expect(200);
    const transitions = history.body.map((h: { personId?: string; fromStatus?: string; toStatus: string }) => [
      h.personId ? 'person' : 'request',
      h.fromStatus ?? null,
      h.toStatus,
    ]);
    expect(transitions).toEqual(
      expect.arrayContaining([
        ['request', null, 'submitted'],
        ['person', null, 'submitted'],
        ['request', expect.any(String), 'withdrawn'],
      ]),
    );
    expect(history.body.at(-1)).toMatchObject({ toStatus: 'withdrawn', reasonCode: 'enquirer_withdrew', changedBy: org.users.officer.id });
  });

  it('keeps contact details to the assigned staff; others need an audited break-glass read the auditor sees', async () => {
    const created = (await officer.post('/v1/tracing-requests', makeRequestBody({ caseworkerId: org.users.caseworker.id })).expect(201))
      .body;
    const contactUrl = `/v1/tracing-requests/${created.id}/persons/${created.enquirer.id}/contact`;
    const own = await officer.get(contactUrl).expect(200);
    expect(own.body.currentWhereabouts).toBe('Shelter 4, test city');
    const caseworker = await loginAs(app, org.users.caseworker);
    await caseworker.get(contactUrl).expect(200);

    const reviewer = await loginAs(app, org.users.reviewer);
    await reviewer.get(contactUrl).expect(403);
    await reviewer.post(`${contactUrl}/break-glass`, {}).expect(400);
    const glass = await reviewer.post(`${contactUrl}/break-glass`, { reasonCode: 'safeguarding_emergency' }).expect(200);
    expect(glass.body.contactDetails).toBe('Phone +000 555 0101 (test)');

    const auditor = await loginAs(app, org.users.auditor);
    const events = await auditor.get('/v1/audit-events?action=person_contact.break_glass_read').expect(200);
    expect(events.body[0]).toMatchObject({
      actorUserId: org.users.reviewer.id,
      entityId: created.enquirer.id,
      reasonCode: 'safeguarding_emergency',
    });
    expect(JSON.stringify(events.body)).not.toContain('Shelter');
  });

  it('gives the caseworker a coarse status by reference in the enquirer’s language', async () => {
    const created = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    const caseworker = await loginAs(app, org.users.caseworker);
    const status = await caseworker.get(`/v1/case-status/${created.reference}`).expect(200);
    expect(status.body).toEqual({
      reference: created.reference,
      status: 'searching',
      since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      language: 'ar',
      message: 'نحن نبحث.',
      nextStep: expect.stringMatching(/\S/),
      isReviewedText: false,
    });
    await caseworker.get('/v1/case-status/TR-1999-999999').expect(404);
    await caseworker.get('/v1/case-status/nonsense').expect(400);
  });

  it('audits every read of a person record', async () => {
    const created = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    await officer.get(`/v1/tracing-requests/${created.id}`).expect(200);
    const rows = await db.query(`SELECT entity_id FROM audit_event WHERE action = 'person_record.read' AND actor_user_id = $1`, [
      org.users.officer.id,
    ]);
    const audited = rows.map((r: { entity_id: string }) => r.entity_id);
    expect(audited).toEqual(expect.arrayContaining([created.enquirer.id, created.soughtPeople[0].id]));
  });
});
