/**
 * The web console's session handling, through its HTTP answers: sign-in through the API's AuthService
 * (second factor and lockout included), the cookie's attributes, CSRF on every form post, the idle
 * timeout, sign-out, and pages by role. The browser tests (console-browser.int-spec.ts) drive the
 * pages themselves.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { consoleAgent } from '../../support/console-agent.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { enrolTotp, totpCode } from '../../support/second-factor.js';
import { startApi, dataSourceOf } from '../../support/test-app.js';

describe('web console sessions', () => {
  let api: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;

  beforeAll(async () => {
    api = await startApi({ LOGIN_FAILURE_LIMIT: '3' });
    db = dataSourceOf(api);
    org = await makeOrganisation(db);
  });

  afterAll(() => api.close());

  it('signs in with an HttpOnly, SameSite=Strict session cookie that holds only a random id, and shows the pages of the role', async () => {
    const agent = consoleAgent(api);
    const answer = await agent.signIn(org.users.officer);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/console');
    const cookie = ([] as string[]).concat(answer.headers['set-cookie']).find((line) => line.startsWith('rfl_console='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
    expect(agent.jar.get('rfl_console')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The table keeps only a hash of the id: a copy of it cannot be replayed as a cookie.
    const [row] = await db.query(`SELECT encode(id_hash, 'hex') AS hash FROM console_session WHERE user_id = $1`, [org.users.officer.id]);
    expect(row.hash).not.toContain(agent.jar.get('rfl_console'));

    const home = await agent.get('/console');
    expect(home.status).toBe(200);
    expect(home.text).toContain('href="/console/requests/new"');
    expect(home.text).not.toContain('href="/console/review"');
    expect(home.headers['content-security-policy']).toContain("script-src 'none'");
    expect(home.headers['cache-control']).toBe('no-store');
  });

  it('sends a visitor without a session to the sign-in page, and refuses a page of another role', async () => {
    const anonymous = consoleAgent(api);
    const page = await anonymous.get('/console/requests');
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/console/login');

    const caseworker = consoleAgent(api);
    await caseworker.signIn(org.users.caseworker);
    expect((await caseworker.get('/console/review')).status).toBe(403);
    expect((await caseworker.get('/console/requests/new')).status).toBe(403);
    expect((await caseworker.get('/console/case-status')).status).toBe(200);
  });

  it('refuses a form post without the CSRF token, or with the token of another session, and writes nothing', async () => {
    const agent = consoleAgent(api);
    await agent.signIn(org.users.officer);
    await agent.get('/console/requests/new');
    const before = await db.query(`SELECT count(*)::int AS n FROM tracing_request WHERE organisation_id = $1`, [org.id]);

    const fields = { 'enquirer.names.0.value': 'Amina Test', 'soughtPeople.0.names.0.value': 'Omar Test', 'consent.processing': 'yes' };
    expect((await agent.post('/console/requests', { ...fields, _csrf: '' })).status).toBe(403);

    const other = consoleAgent(api);
    await other.signIn(org.users.officer);
    await other.get('/console/requests/new');
    expect((await agent.post('/console/requests', { ...fields, _csrf: other.csrf })).status).toBe(403);

    const after = await db.query(`SELECT count(*)::int AS n FROM tracing_request WHERE organisation_id = $1`, [org.id]);
    expect(after[0].n).toBe(before[0].n);
  });

  it('shows the field messages (the API’s rules, in the interface language) beside the form and writes nothing when the input is invalid', async () => {
    const agent = consoleAgent(api);
    await agent.signIn(org.users.officer);
    await agent.get('/console/requests/new');
    const before = await db.query(`SELECT count(*)::int AS n FROM tracing_request WHERE organisation_id = $1`, [org.id]);
    const page = await agent.post('/console/requests', {
      'enquirer.names.0.value': 'Amina Test',
      'enquirer.birthYear': '12a',
      'soughtPeople.0.names.0.value': '',
      'soughtPeople.0.relationshipToEnquirer': 'sibling',
      'consent.notice': '2026-01',
      action: 'submit',
    });
    expect(page.status).toBe(400);
    expect(page.text).toMatch(/id="f-consent-processing-error"><span lang="en" dir="ltr">must be confirmed</);
    expect(page.text).toContain('href="#f-consent-processing"');
    expect(page.text).toContain('href="#f-enquirer-birthYear"');
    expect(page.text).toContain('href="#f-soughtPeople-0-names"');
    // What the officer typed is kept.
    expect(page.text).toContain('value="Amina Test"');
    const after = await db.query(`SELECT count(*)::int AS n FROM tracing_request WHERE organisation_id = $1`, [org.id]);
    expect(after[0].n).toBe(before[0].n);
  });

  it('ends a session left idle longer than CONSOLE_IDLE_MINUTES, and a signed-out one at once', async () => {
    const agent = consoleAgent(api);
    await agent.signIn(org.users.reviewer);
    expect((await agent.get('/console/review')).status).toBe(200);
    await db.query(`UPDATE console_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [org.users.reviewer.id]);
    const idle = await agent.get('/console/review');
    expect(idle.status).toBe(303);
    expect(idle.headers.location).toBe('/console/login?ended=1');

    await agent.signIn(org.users.reviewer);
    const stolen = agent.jar.get('rfl_console')!;
    expect((await agent.post('/console/logout')).headers.location).toBe('/console/login?out=1');
    agent.jar.set('rfl_console', stolen);
    expect((await agent.get('/console/review')).status).toBe(303);
  });

  it('asks for the second factor when the account has one, and opens the session only with a valid code', async () => {
    const user = org.users.admin;
    const { secret, recoveryCodes } = await enrolTotp(api, user);
    const agent = consoleAgent(api);
    const step = await agent.signIn(user);
    expect(step.status).toBe(200);
    expect(step.text).toContain('name="code"');
    expect(agent.jar.has('rfl_console')).toBe(false);

    // A code of ten steps ago is no longer accepted.
    const wrong = await agent.post('/console/login/second-factor', { code: totpCode(secret, -10) });
    expect(wrong.status).toBe(401);
    expect(agent.jar.has('rfl_console')).toBe(false);

    await agent.signIn(user);
    const right = await agent.post('/console/login/second-factor', { code: recoveryCodes[0] });
    expect(right.status).toBe(303);
    expect(agent.jar.has('rfl_console')).toBe(true);
  });

  it('reads form posts only: another body type is 415 and a body over BODY_LIMIT_KB is 413', async () => {
    const server = api.getHttpServer();
    await request(server).post('/console/login').send({ email: 'x@test.example', password: 'y' }).expect(415);
    await request(server)
      .post('/console/login')
      .type('form')
      .send({ email: 'x@test.example', password: 'y'.repeat(300 * 1024) })
      .expect(413);
  });

  it('answers a locked account exactly like a wrong password', async () => {
    const user = org.users.auditor;
    const agent = consoleAgent(api);
    await agent.get('/console/login');
    for (let i = 0; i < 3; i++) expect((await agent.post('/console/login', { email: user.email, password: 'wrong' })).status).toBe(401);
    const locked = await agent.signIn(user);
    expect(locked.status).toBe(401);
    expect(agent.jar.has('rfl_console')).toBe(false);
    const wrong = await agent.post('/console/login', { email: user.email, password: 'wrong' });
    expect(locked.text.replace(/name="_csrf" value="[^"]+"/, '')).toBe(wrong.text.replace(/name="_csrf" value="[^"]+"/, ''));
  });
});
