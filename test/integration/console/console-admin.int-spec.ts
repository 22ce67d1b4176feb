/**
 * The admin's users page: an invitation shows its one-time set-up code once, the code sets the
 * password, and a deactivated user's console session ends and they cannot sign in again.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { consoleAgent } from '../../support/console-agent.js';
import { makeOrganisation, type TestOrganisation, type TestUser } from '../../support/factories.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

describe('console users page', () => {
  let api: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;

  beforeAll(async () => {
    api = await startApi();
    db = dataSourceOf(api);
    org = await makeOrganisation(db);
  });

  afterAll(() => api.close());

  it('invites a user with a one-time code, and deactivating them ends their console session', async () => {
    const admin = consoleAgent(api);
    await admin.signIn(org.users.admin);
    await admin.get('/console/users');
    const email = `invited.${Date.now()}@test.example`;
    const invited = await admin.post('/console/users', { email, displayName: 'ليلى Invited', roles: ['caseworker'] });
    expect(invited.status).toBe(201);
    const code = /class="setup-code" dir="ltr">([^<]+)</.exec(invited.text)![1];
    const password = 'a long enough passphrase 42';
    await request(api.getHttpServer()).post('/v1/auth/set-password').send({ code, password }).expect(204);
    // Shown once: the list does not repeat it.
    expect((await admin.get('/console/users')).text).not.toContain(code);

    const [{ id }] = await db.query(`SELECT id FROM app_user WHERE email = $1`, [email]);
    const user: TestUser = { id, email, password, roles: ['caseworker'] };
    const caseworker = consoleAgent(api);
    expect((await caseworker.signIn(user)).status).toBe(303);

    expect((await admin.post(`/console/users/${id}/deactivate`)).status).toBe(303);
    // The open session ends at once (the guard re-reads the account), and signing in again fails.
    expect((await caseworker.get('/console/case-status')).status).toBe(303);
    expect((await consoleAgent(api).signIn(user)).status).toBe(401);
  });
});
