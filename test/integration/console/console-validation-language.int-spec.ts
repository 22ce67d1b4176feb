/**
 * Field validation messages in the interface language: the console says the API's class-validator
 * failures in Arabic on Arabic pages (by rule name, with the rule's limits), while the JSON API
 * keeps its English messages. Nothing is written when the form is refused.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { consoleAgent } from '../../support/console-agent.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs } from '../../support/http.js';
import { makeRequestBody } from '../../support/request-bodies.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

describe('console validation messages in the interface language', () => {
  let api: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;

  const requestsOf = async (): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM tracing_request WHERE organisation_id = $1`, [org.id]))[0].n;
  /** A request form whose sought person has no name. */
  const withoutSoughtName = {
    'enquirer.names.0.value': 'أمينة',
    'enquirer.names.0.part': 'full',
    'soughtPeople.0.names.0.value': '',
    'soughtPeople.0.names.0.part': 'full',
    'soughtPeople.0.relationshipToEnquirer': 'sibling',
    'consent.processing': 'yes',
    'consent.notice': '2026-01',
    action: 'submit',
  };

  beforeAll(async () => {
    api = await startApi();
    db = dataSourceOf(api);
    org = await makeOrganisation(db);
  });

  afterAll(() => api.close());

  it('an Arabic request form with a missing name says so in Arabic, beside the field, and writes nothing', async () => {
    const officer = consoleAgent(api);
    await officer.get('/console/language/ar');
    await officer.signIn(org.users.officer);
    await officer.get('/console/requests/new');
    const refused = await officer.post('/console/requests', withoutSoughtName);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<html lang="ar" dir="rtl">');
    const fieldError = /<p class="field-error" id="[^"]*soughtPeople[^"]*-error">(.*?)<\/p>/.exec(refused.text);
    expect(fieldError?.[1]).toBe('<span lang="ar" dir="rtl">يجب أن يضم 1 على الأقل (إدخالًا أو اختيارًا)</span>');
    expect(refused.text).not.toMatch(/<span lang="en"/);
    expect(await requestsOf()).toBe(0);
  });

  it('the English page says it from the English catalogue, and the JSON API keeps the API’s English message', async () => {
    const officer = consoleAgent(api);
    await officer.signIn(org.users.officer);
    await officer.get('/console/requests/new');
    const refused = await officer.post('/console/requests', withoutSoughtName);
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(
      /<p class="field-error" id="[^"]*soughtPeople[^"]*-error"><span lang="en" dir="ltr">needs at least 1 entry or choice<\/span><\/p>/,
    );

    const body = makeRequestBody();
    body.soughtPeople[0].names = [];
    const session = await loginAs(api, org.users.officer);
    const answer = await session.post('/v1/tracing-requests', body).expect(400);
    expect(answer.body.fields).toContainEqual({ field: 'soughtPeople.0.names', problems: ['names must contain at least 1 elements'] });
    expect(await requestsOf()).toBe(0);
  });
});
