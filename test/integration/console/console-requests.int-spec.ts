/**
 * The officer's pages without a browser: a request submitted through the form (a row added on the
 * way, names in Ge'ez and Latin script), found by the list's filters, and withdrawn with a reason.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { consoleAgent } from '../../support/console-agent.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { uniqueName } from '../../support/request-bodies.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

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
    const names = await db.query(
      `SELECT value FROM name_variant n JOIN person_record p ON p.id = n.person_id WHERE p.request_id = $1 ORDER BY p.position, n.position`,
      [id],
    );
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
});
