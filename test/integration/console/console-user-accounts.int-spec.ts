/**
 * The admin's page for one user: role changes, unlocking and a second-factor reset go through the
 * API's services with the API's rules, are audited like the API's routes, and a role change or a
 * factor reset ends the user's console session at once.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { type ConsoleAgent, consoleAgent } from '../../support/console-agent.js';
import { addUser, makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { enrolTotp, totpCode } from '../../support/second-factor.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

describe('console user accounts', () => {
  let api: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;
  let admin: ConsoleAgent;

  const rolesOf = async (id: string): Promise<string[]> => (await db.query(`SELECT roles FROM app_user WHERE id = $1`, [id]))[0].roles;
  const audited = async (id: string, action: string): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = $2`, [id, action]))[0].n;

  beforeAll(async () => {
    api = await startApi();
    db = dataSourceOf(api);
    org = await makeOrganisation(db);
    admin = consoleAgent(api);
    await admin.signIn(org.users.admin);
  });

  afterAll(() => api.close());

  it('changes a user’s roles, audited, and their open console session ends', async () => {
    const user = await addUser(db, org, 'officer');
    const session = consoleAgent(api);
    await session.signIn(user);
    expect((await session.get('/console/requests/new')).status).toBe(200);

    expect((await admin.get(`/console/users/${user.id}`)).text).toContain(`action="/console/users/${user.id}/roles"`);
    const changed = await admin.post(`/console/users/${user.id}/roles`, { roles: ['reviewer', 'officer'] });
    expect(changed.status).toBe(303);
    expect((await rolesOf(user.id)).sort()).toEqual(['officer', 'reviewer']);
    expect(await audited(user.id, 'user.roles_changed')).toBe(1);
    expect((await admin.get(changed.headers.location)).text).toContain('The roles were changed.');

    const ended = await session.get('/console/requests/new');
    expect(ended.status).toBe(303);
    expect(ended.headers.location).toMatch(/^\/console\/login/);
  });

  it('refuses no role at all with the field’s message in Arabic, and writes nothing', async () => {
    const user = await addUser(db, org, 'caseworker');
    const arabic = consoleAgent(api);
    await arabic.get('/console/language/ar');
    await arabic.signIn(org.users.admin);
    await arabic.get(`/console/users/${user.id}`);
    const refused = await arabic.post(`/console/users/${user.id}/roles`, {});
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<span lang="ar" dir="rtl">يجب أن يضم 1 على الأقل (إدخالًا أو اختيارًا)</span>');
    expect(await rolesOf(user.id)).toEqual(['caseworker']);
    expect(await audited(user.id, 'user.roles_changed')).toBe(0);
  });

  it('keeps the API’s rule: an admin cannot remove their own admin role', async () => {
    const self = await addUser(db, org, 'admin');
    const agent = consoleAgent(api);
    await agent.signIn(self);
    await agent.get(`/console/users/${self.id}`);
    const refused = await agent.post(`/console/users/${self.id}/roles`, { roles: ['officer'] });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('an admin cannot remove their own admin role');
    expect(await rolesOf(self.id)).toEqual(['admin']);
  });

  it('unlocks an account locked after failed sign-ins', async () => {
    const user = await addUser(db, org, 'officer');
    await db.query(`UPDATE app_user SET locked_until = now() + interval '15 minutes', failed_login_count = 10 WHERE id = $1`, [user.id]);
    expect((await consoleAgent(api).signIn(user)).status).toBe(401);

    const page = await admin.get(`/console/users/${user.id}`);
    expect(page.text).toContain(`action="/console/users/${user.id}/unlock"`);
    expect((await admin.post(`/console/users/${user.id}/unlock`)).status).toBe(303);
    const [row] = await db.query(`SELECT locked_until, failed_login_count FROM app_user WHERE id = $1`, [user.id]);
    expect(row).toEqual({ locked_until: null, failed_login_count: 0 });
    expect(await audited(user.id, 'user.unlocked')).toBe(1);
    expect((await consoleAgent(api).signIn(user)).status).toBe(303);
  });

  it('resets another user’s second factor and ends their session, never the admin’s own', async () => {
    const user = await addUser(db, org, 'caseworker');
    const { secret } = await enrolTotp(api, user);
    const session = consoleAgent(api);
    await session.signIn(user);
    expect((await session.post('/console/login/second-factor', { code: totpCode(secret, 1) })).status).toBe(303);
    expect((await session.get('/console/case-status')).status).toBe(200);

    expect((await admin.get(`/console/users/${user.id}`)).text).toContain(`action="/console/users/${user.id}/second-factor/reset"`);
    expect((await admin.post(`/console/users/${user.id}/second-factor/reset`)).status).toBe(303);
    expect(await db.query(`SELECT 1 FROM user_totp WHERE user_id = $1`, [user.id])).toEqual([]);
    expect(await audited(user.id, 'second_factor.reset_by_admin')).toBe(1);
    expect((await session.get('/console/case-status')).status).toBe(303);

    // No form for the admin's own factor, and posting anyway is refused as by the API.
    const own = await admin.get(`/console/users/${org.users.admin.id}`);
    expect(own.text).not.toContain('/second-factor/reset');
    expect((await admin.post(`/console/users/${org.users.admin.id}/second-factor/reset`)).status).toBe(403);
  });

  it('answers 404 for a user of another organisation', async () => {
    const other = await makeOrganisation(db);
    expect((await admin.get(`/console/users/${other.users.officer.id}`)).status).toBe(404);
    expect((await admin.post(`/console/users/${other.users.officer.id}/roles`, { roles: ['auditor'] })).status).toBe(404);
    expect(await rolesOf(other.users.officer.id)).toEqual(['officer']);
  });
});
