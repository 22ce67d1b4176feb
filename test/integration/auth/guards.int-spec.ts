import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { makeRequestBody } from '../../support/request-bodies.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

describe('role and organisation guards', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let home: TestOrganisation;
  let other: TestOrganisation;
  let officer: Session;
  let requestId: string;
  let enquirerId: string;
  let reference: string;

  beforeAll(async () => {
    app = await startApi();
    db = dataSourceOf(app);
    home = await makeOrganisation(db);
    other = await makeOrganisation(db);
    officer = await loginAs(app, home.users.officer);
    const created = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    requestId = created.id;
    enquirerId = created.enquirer.id;
    reference = created.reference;
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses every API route without a valid token', async () => {
    const server = app.getHttpServer();
    await request(server).get('/v1/tracing-requests').expect(401);
    await request(server).get(`/v1/tracing-requests/${requestId}`).set('Authorization', 'Bearer not.a.token').expect(401);
    await request(server).get('/v1/users').expect(401);
    await request(server).get('/v1/audit-events').expect(401);
  });

  it('answers 404 to every role of another organisation, for every route on the record', async () => {
    const routes = (s: Session) => [
      s.get(`/v1/tracing-requests/${requestId}`),
      s.get(`/v1/tracing-requests/${requestId}/history`),
      s.patch(`/v1/tracing-requests/${requestId}`, { version: 1, circumstances: 'x' }),
      s.post(`/v1/tracing-requests/${requestId}/withdraw`, { reasonCode: 'officer_withdrew' }),
      s.get(`/v1/tracing-requests/${requestId}/persons/${enquirerId}/contact`),
      s.post(`/v1/tracing-requests/${requestId}/persons/${enquirerId}/contact/break-glass`, { reasonCode: 'safeguarding_emergency' }),
      s.get(`/v1/case-status/${reference}`),
    ];
    const otherOfficer = await loginAs(app, other.users.officer);
    const otherCaseworker = await loginAs(app, other.users.caseworker);
    const otherReviewer = await loginAs(app, other.users.reviewer);
    const statuses = [
      ...(await Promise.all(routes(otherOfficer))).map((r) => r.status),
      ...(await Promise.all(routes(otherCaseworker))).map((r) => r.status),
      ...(await Promise.all(routes(otherReviewer))).map((r) => r.status),
    ];
    // 404 where the role may call the route at all, 403 where the role itself is refused: never 200.
    expect(statuses).not.toContain(200);
    expect(statuses.filter((s) => s === 404).length).toBeGreaterThanOrEqual(10);
    const listed = await otherOfficer.get('/v1/tracing-requests').expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).not.toContain(requestId);
    const row = await db.query(`SELECT version, status FROM tracing_request WHERE id = $1`, [requestId]);
    expect(row[0]).toMatchObject({ version: 1, status: expect.not.stringMatching('withdrawn') });
  });

  it('does not let a caseworker list requests, nor read one not assigned to them', async () => {
    const caseworker = await loginAs(app, home.users.caseworker);
    await caseworker.get('/v1/tracing-requests').expect(403);
    await caseworker.get(`/v1/tracing-requests/${requestId}`).expect(404);
  });

  it('lets an auditor neither read nor change requests', async () => {
    const auditor = await loginAs(app, home.users.auditor);
    await auditor.get('/v1/tracing-requests').expect(403);
    await auditor.get(`/v1/tracing-requests/${requestId}`).expect(403);
    await auditor.post('/v1/tracing-requests', makeRequestBody()).expect(403);
    await auditor.patch(`/v1/tracing-requests/${requestId}`, { version: 1 }).expect(403);
    await auditor.post(`/v1/tracing-requests/${requestId}/withdraw`, { reasonCode: 'officer_withdrew' }).expect(403);
    await auditor.get('/v1/audit-events').expect(200);
  });

  it('keeps writes to officers and user management to admins', async () => {
    const reviewer = await loginAs(app, home.users.reviewer);
    await reviewer.post('/v1/tracing-requests', makeRequestBody()).expect(403);
    await reviewer.get('/v1/tracing-requests').expect(200);
    await officer.get('/v1/users').expect(403);
  });

  it('refuses the token of a deactivated user at once', async () => {
    const fresh = await makeOrganisation(db);
    const target = await loginAs(app, fresh.users.officer);
    await target.get('/v1/tracing-requests').expect(200);
    const admin = await loginAs(app, fresh.users.admin);
    await admin.post(`/v1/users/${fresh.users.officer.id}/deactivate`).expect(200);
    await target.get('/v1/tracing-requests').expect(401);
    await request(app.getHttpServer())
      .post('/v1/auth/login')
      .send({ email: fresh.users.officer.email, password: fresh.users.officer.password })
      .expect(401);
  });

  it('lets an admin create a user with a one-time code, change roles and reset the password', async () => {
    const fresh = await makeOrganisation(db);
    const admin = await loginAs(app, fresh.users.admin);
    const email = `new.${Date.now()}@test.example`;
    const created = await admin.post('/v1/users', { email, displayName: 'New Officer', roles: ['officer'] }).expect(201);
    expect(created.body.setupCode).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const stored = await db.query(`SELECT code_hash FROM password_setup_code WHERE user_id = $1`, [created.body.user.id]);
    expect(stored[0].code_hash).not.toBe(created.body.setupCode);

    const server = app.getHttpServer();
    await request(server).post('/v1/auth/login').send({ email, password: 'correct horse battery' }).expect(401);
    await request(server)
      .post('/v1/auth/set-password')
      .send({ code: created.body.setupCode, password: 'correct horse battery' })
      .expect(204);
    await request(server)
      .post('/v1/auth/set-password')
      .send({ code: created.body.setupCode, password: 'another long password' })
      .expect(401);
    const user = await loginAs(app, { id: created.body.user.id, email, password: 'correct horse battery', roles: ['officer'] });
    await user.get('/v1/tracing-requests').expect(200);

    await admin.patch(`/v1/users/${created.body.user.id}/roles`, { roles: ['reviewer'] }).expect(200);
    await user.get('/v1/tracing-requests').expect(401); // role change ends earlier sessions

    const reset = await admin.post(`/v1/users/${created.body.user.id}/password-reset`).expect(201);
    await request(server).post('/v1/auth/login').send({ email, password: 'correct horse battery' }).expect(401);
    await request(server).post('/v1/auth/set-password').send({ code: reset.body.setupCode, password: 'a brand new password' }).expect(204);
    await loginAs(app, { id: created.body.user.id, email, password: 'a brand new password', roles: ['reviewer'] });

    await admin.post('/v1/users', { email, displayName: 'Again', roles: ['officer'] }).expect(409);
    await admin.post('/v1/users', { email: 'not-an-email', displayName: 'x', roles: ['wizard'] }).expect(400);
    const foreign = await makeOrganisation(db);
    await admin.post(`/v1/users/${foreign.users.officer.id}/deactivate`).expect(404);
    await admin.post(`/v1/users/${fresh.users.admin.id}/deactivate`).expect(409);
  });

  it('stores passwords as argon2id hashes', async () => {
    const [row] = await db.query(`SELECT password_hash FROM app_user WHERE id = $1`, [home.users.officer.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});
