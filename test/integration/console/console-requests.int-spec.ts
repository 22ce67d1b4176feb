/**
 * The officer's pages without a browser: a request submitted through the form (a row added on the
 * way, names in Ge'ez and Latin script), found by the list's filters, and withdrawn with a reason;
 * another closed and reopened, its history naming each reason in the interface's language.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { consoleAgent } from '../../support/console-agent.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs } from '../../support/http.js';
import { makeRequestBody, uniqueName } from '../../support/request-bodies.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';
import { namesOfRequest } from '../../support/person-strings.js';

describe('console request pages', () => {
  let api: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;

  beforeAll(async () => {
    api = await startApi();
    db = dataSourceOf(api);
    org = await makeOrganisation(db);
  });

  afterAll(() => api.close());

  it('submits through the form, filters the list by status and reference, and withdraws with a reason', async () => {
    const officer = consoleAgent(api);
    await officer.signIn(org.users.officer);
    await officer.get('/console/requests/new');
    const family = uniqueName();
    const fields = {
      'enquirer.names.0.value': `Selam ${family}`,
      'enquirer.names.0.part': 'full',
      'soughtPeople.0.names.0.value': 'ዮሴፍ',
      'soughtPeople.0.names.0.part': 'given',
      'soughtPeople.0.names.0.script': 'Ethi',
      'soughtPeople.0.relationshipToEnquirer': 'sibling',
      'consent.processing': 'yes',
      'consent.notice': '2026-01',
    };
    // "Add another name" returns the form one row longer, with what was typed.
    const grown = await officer.post('/console/requests', { ...fields, action: 'add-name:0' });
    expect(grown.status).toBe(200);
    expect(grown.text).toContain('name="soughtPeople.0.names.1.value"');
    expect(grown.text).toContain('value="ዮሴፍ"');

    const created = await officer.post('/console/requests', {
      ...fields,
      'soughtPeople.0.names.1.value': `Yosef ${family}`,
      'soughtPeople.0.names.1.part': 'full',
      action: 'submit',
    });
    expect(created.status).toBe(303);
    const id = /\/console\/requests\/([0-9a-f-]{36})/.exec(created.headers.location)![1];
    const names = await namesOfRequest(db, id);
    expect(names.map((n: { value: string }) => n.value)).toEqual([`Selam ${family}`, 'ዮሴፍ', `Yosef ${family}`]);
    const [{ reference }] = await db.query(`SELECT reference FROM tracing_request WHERE id = $1`, [id]);

    const page = await officer.get(`/console/requests/${id}`);
    expect(page.text).toContain('<bdi dir="auto">ዮሴፍ</bdi>');
    const withdrawn = await officer.post(`/console/requests/${id}/withdraw`, { reasonCode: 'enquirer_withdrew' });
    expect(withdrawn.status).toBe(303);
    const [{ status }] = await db.query(`SELECT status FROM tracing_request WHERE id = $1`, [id]);
    expect(status).toBe('withdrawn');

    // The reference as a link in the table (the filter field repeats it in any case).
    const listed = `>${reference}</a>`;
    expect((await officer.get(`/console/requests?status=withdrawn&reference=${reference}`)).text).toContain(listed);
    expect((await officer.get(`/console/requests?status=searching&reference=${reference}`)).text).not.toContain(listed);
    // A filter the API refuses is a 400 page naming the field, not an error.
    const refused = await officer.get('/console/requests?status=lost');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('status');
  });

  it('closes a request with an outcome and a reason, and reopens it, the history naming both', async () => {
    const id = (await (await loginAs(api, org.users.officer)).post('/v1/tracing-requests', makeRequestBody()).expect(201)).body.id;
    const officer = consoleAgent(api);
    await officer.signIn(org.users.officer);
    const open = await officer.get(`/console/requests/${id}`);
    expect(open.text).toContain(`action="/console/requests/${id}/close"`);
    expect(open.text).not.toContain(`action="/console/requests/${id}/reopen"`);

    // A reason that does not belong to the outcome is refused, and nothing changes.
    expect((await officer.post(`/console/requests/${id}/close`, { outcome: 'found', reasonCode: 'search_exhausted' })).status).toBe(400);
    expect((await db.query(`SELECT status FROM tracing_request WHERE id = $1`, [id]))[0].status).not.toMatch(/^closed/);

    expect((await officer.post(`/console/requests/${id}/close`, { outcome: 'no_match', reasonCode: 'search_exhausted' })).status).toBe(303);
    expect((await db.query(`SELECT status FROM tracing_request WHERE id = $1`, [id]))[0].status).toBe('closed_no_match');
    const closed = await officer.get(`/console/requests/${id}`);
    expect(closed.text).toContain('no match: search exhausted');
    expect(closed.text).toContain(`action="/console/requests/${id}/reopen"`);
    expect(closed.text).not.toContain(`action="/console/requests/${id}/close"`);

    expect((await officer.post(`/console/requests/${id}/reopen`, { reasonCode: 'new_information' })).status).toBe(303);
    const reopened = await officer.get(`/console/requests/${id}`);
    expect(reopened.text).toContain('reopened');
    expect(reopened.text).toContain(`action="/console/requests/${id}/close"`);
    const audited = await db.query(
      `SELECT action, reason_code FROM audit_event WHERE entity_id = $1 AND action IN ('tracing_request.closed', 'tracing_request.reopened') ORDER BY id`,
      [id],
    );
    expect(audited).toEqual([
      { action: 'tracing_request.closed', reason_code: 'search_exhausted' },
      { action: 'tracing_request.reopened', reason_code: 'new_information' },
    ]);
  });
});
