/**
 * Errors the hostile suite (every-route.int-spec.ts) found quoting what was sent, each pinned here:
 * a path parameter that is not UTF-8, a URL no route matches, an unknown key holding markup.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { makeOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { makeRequestBody } from '../../support/request-bodies.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

describe('error responses never quote the request', () => {
  let app: NestExpressApplication;
  let officer: Session;

  beforeAll(async () => {
    app = await startApi();
    officer = await loginAs(app, (await makeOrganisation(dataSourceOf(app))).users.officer);
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers a path parameter that is not percent-encoded UTF-8 with a fixed 400', async () => {
    const response = await officer.get('/v1/tracing-requests/%ED%A0%80Fatima%3Cscript%3E').expect(400);
    expect(response.body).toEqual({ statusCode: 400, code: 'bad_url', message: 'the URL is not valid percent-encoded UTF-8' });
  });

  it('answers a URL no route matches with a fixed 404', async () => {
    const response = await officer.get('/v1/tracing-requests/Fatima/Haddad?name=Fatima').expect(404);
    expect(response.body).toEqual({ statusCode: 404, code: 'no_route', message: 'no such route' });
  });

  it('refuses an unknown key without quoting it', async () => {
    const response = await officer.post('/v1/tracing-requests', { ...makeRequestBody(), '<img src=x>Fatima Haddad': 1 }).expect(400);
    expect(JSON.stringify(response.body)).not.toMatch(/Fatima|img/);
    expect(response.body.fields).toEqual([{ field: '(key)', problems: ['is not a field of this request'] }]);
  });

  it('still names a misspelt field', async () => {
    const response = await officer.post('/v1/tracing-requests', { ...makeRequestBody(), circumstance: 'x' }).expect(400);
    expect(response.body.fields).toEqual([{ field: 'circumstance', problems: ['is not a field of this request'] }]);
  });
});
