/**
 * Dates class-validator takes as ISO 8601 and PostgreSQL does not read (week dates), and crafted
 * cursors carrying times the database refuses: the hostile suite found both answered with a 500.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { countDomainRows } from '../../support/domain-rows.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs } from '../../support/http.js';
import { makeRequestBody } from '../../support/request-bodies.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

describe('odd dates and crafted cursors', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;

  beforeAll(async () => {
    app = await startApi();
    db = dataSourceOf(app);
    org = await makeOrganisation(db);
  });

  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['officer', '/v1/tracing-requests?createdFrom=2026-W01-1'],
    ['officer', '/v1/tracing-requests?createdTo=2026-W53'],
    ['reviewer', '/v1/review/candidates?createdTo=2026-W01-1'],
    ['auditor', '/v1/audit-events?occurredFrom=2026-W01-1'],
  ] as const)('a week date is a 400 (%s %s)', async (role, url) => {
    const response = await (await loginAs(app, org.users[role])).get(url).expect(400);
    expect(response.body.code).toBe('validation_failed');
  });

  it('still takes a date, and a date and time', async () => {
    const officer = await loginAs(app, org.users.officer);
    await officer.get('/v1/tracing-requests?createdFrom=2026-01-01&createdTo=2026-12-31T23:59:59Z').expect(200);
  });

  it.each(['1', '0000-01-01', '+002026-01-01', '2026-02-30T00:00:00Z'])('a cursor carrying %s is a 400', async (createdAt) => {
    const cursor = Buffer.from(JSON.stringify([createdAt, '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    const response = await (await loginAs(app, org.users.officer)).get(`/v1/tracing-requests?cursor=${cursor}`).expect(400);
    expect(response.body.code).toBe('invalid_input');
  });

  it('refuses a week date as the last known date, writing nothing', async () => {
    const officer = await loginAs(app, org.users.officer);
    const body = makeRequestBody();
    body.soughtPeople[0].lastKnownPlace.date = '2026-W01-1';
    const before = await countDomainRows(db);
    await officer.post('/v1/tracing-requests', body).expect(400);
    expect(await countDomainRows(db)).toEqual(before);
  });
});
