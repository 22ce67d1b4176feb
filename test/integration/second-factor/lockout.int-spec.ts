import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { makeOrganisation, type TestOrganisation, type TestUser } from '../../support/factories.js';
import { loginAs } from '../../support/http.js';
import { enrolTotp, passwordStep, totpCode } from '../../support/second-factor.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

const LIMIT = 3;
const LOCKOUT_SECONDS = 2;

describe('account lockout after repeated failed logins', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;

  beforeAll(async () => {
    // A short lock so "unlocked by time" can be waited for; the defaults (5 in 900 s, 900 s) are unit-tested.
    app = await startApi({ LOGIN_FAILURE_LIMIT: String(LIMIT), LOGIN_LOCKOUT_SECONDS: String(LOCKOUT_SECONDS) });
    db = dataSourceOf(app);
    org = await makeOrganisation(db);
  });

  afterAll(async () => {
    await app.close();
  });

  const login = (email: string, password: string) => request(app.getHttpServer()).post('/v1/auth/login').send({ email, password });
  const failTimes = async (user: TestUser, times: number) => {
    for (let i = 0; i < times; i += 1) await login(user.email, 'wrong-password').expect(401);
  };
  const lockedUntil = async (userId: string): Promise<Date | null> =>
    (await db.query(`SELECT locked_until FROM app_user WHERE id = $1`, [userId]))[0].locked_until;

  it('locks the account after the limit, answering exactly as for bad credentials, and audits ids and codes only', async () => {
    const user = org.users.officer;
    await failTimes(user, LIMIT);
    expect(await lockedUntil(user.id)).not.toBeNull();

    const locked = await login(user.email, user.password).expect(401);
    const badPassword = await login(user.email, 'wrong-password').expect(401);
    const unknown = await login('nobody.here@test.example', 'wrong-password').expect(401);
    expect(locked.body).toEqual(unknown.body);
    expect(badPassword.body).toEqual(unknown.body);

    const events = await db.query(
      `SELECT action, reason_code, entity_type, entity_id, actor_user_id, outcome FROM audit_event
        WHERE entity_id = $1 AND action IN ('auth.account_locked', 'auth.login_failed') ORDER BY occurred_at, id`,
      [user.id],
    );
    expect(events.filter((e: { action: string }) => e.action === 'auth.account_locked')).toEqual([
      {
        action: 'auth.account_locked',
        reason_code: 'too_many_failures',
        entity_type: 'user',
        entity_id: user.id,
        actor_user_id: null,
        outcome: 'denied',
      },
    ]);
    expect(events.map((e: { reason_code: string }) => e.reason_code)).toEqual(expect.arrayContaining(['bad_password', 'account_locked']));
    expect(JSON.stringify(events)).not.toContain(user.email);
  });

  it('unlocks by itself when the lock has run out', async () => {
    const user = org.users.auditor;
    await failTimes(user, LIMIT);
    await login(user.email, user.password).expect(401);
    await new Promise((resolve) => setTimeout(resolve, LOCKOUT_SECONDS * 1000 + 200));
    await login(user.email, user.password).expect(200);
    expect(await lockedUntil(user.id)).toBeNull();
  });

  it('lets an admin of the organisation unlock at once, and no admin of another organisation', async () => {
    const user = org.users.caseworker;
    // Both admins sign in first: the lock lasts 2 s, and what follows must happen within it.
    const otherAdmin = await loginAs(app, (await makeOrganisation(db)).users.admin);
    const admin = await loginAs(app, org.users.admin);
    await failTimes(user, LIMIT);
    await otherAdmin.post(`/v1/users/${user.id}/unlock`).expect(404);
    await login(user.email, user.password).expect(401);

    const listed = await admin.get('/v1/users').expect(200);
    expect(listed.body.find((u: { id: string }) => u.id === user.id).lockedUntil).toEqual(expect.any(String));
    const unlocked = await admin.post(`/v1/users/${user.id}/unlock`).expect(200);
    expect(unlocked.body.lockedUntil).toBeNull();
    await login(user.email, user.password).expect(200);
    const audited = await db.query(`SELECT actor_user_id FROM audit_event WHERE action = 'user.unlocked' AND entity_id = $1`, [user.id]);
    expect(audited).toEqual([{ actor_user_id: org.users.admin.id }]);
  });

  it('starts the count afresh after a successful login', async () => {
    const user = org.users.reviewer;
    await failTimes(user, LIMIT - 1);
    await login(user.email, user.password).expect(200);
    await failTimes(user, LIMIT - 1);
    await login(user.email, user.password).expect(200);
    expect(await lockedUntil(user.id)).toBeNull();
  });

  it('counts failed second-factor attempts towards the lockout', async () => {
    const orgWithTotp = await makeOrganisation(db);
    const user = orgWithTotp.users.officer;
    const totp = await enrolTotp(app, user);
    const server = app.getHttpServer();
    let lastChallenge = '';
    for (let i = 0; i < LIMIT; i += 1) {
      lastChallenge = await passwordStep(app, user);
      await request(server).post('/v1/auth/login/second-factor').send({ challengeToken: lastChallenge, code: '000000' }).expect(401);
    }
    expect(await lockedUntil(user.id)).not.toBeNull();
    // Locked: the password step answers as for bad credentials, and a valid code no longer helps.
    await login(user.email, user.password).expect(401);
    await request(server)
      .post('/v1/auth/login/second-factor')
      .send({ challengeToken: lastChallenge, code: totpCode(totp.secret, 1) })
      .expect(401);
    const events = await db.query(`SELECT reason_code FROM audit_event WHERE action = 'auth.login_failed' AND entity_id = $1`, [user.id]);
    expect(events.map((e: { reason_code: string }) => e.reason_code)).toContain('bad_second_factor');
    await db.query(`UPDATE app_user SET locked_until = NULL WHERE id = $1`, [user.id]);
    const challengeToken = await passwordStep(app, user);
    await request(server)
      .post('/v1/auth/login/second-factor')
      .send({ challengeToken, code: totpCode(totp.secret, 1) })
      .expect(200);
  });
});
