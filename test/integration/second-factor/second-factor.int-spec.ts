import type { NestExpressApplication } from '@nestjs/platform-express';
import { Secret } from 'otpauth';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs } from '../../support/http.js';
import { enrolTotp, loginWithTotp, passwordStep, totpCode } from '../../support/second-factor.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

describe('TOTP second factor', () => {
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

  const secondStep = (challengeToken: string, code: string) =>
    request(app.getHttpServer()).post('/v1/auth/login/second-factor').send({ challengeToken, code });

  it('enrols in two steps: the secret is shown once and counts only after a valid code', async () => {
    const user = org.users.officer;
    const session = await loginAs(app, user);
    await session.post('/v1/auth/second-factor/enrolment/confirm', { code: '123456' }).expect(409);
    const started = await session.post('/v1/auth/second-factor/enrolment').expect(201);
    expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(started.body.otpauthUri).toContain(`secret=${started.body.secret}`);
    expect((await session.get('/v1/auth/second-factor').expect(200)).body).toEqual({
      status: 'pending',
      recoveryCodesLeft: 0,
      required: false,
    });

    // Pending is not active: the password alone still logs in.
    await loginAs(app, user);
    const wrong = totpCode(started.body.secret, 0) === '000000' ? '000001' : '000000';
    await session.post('/v1/auth/second-factor/enrolment/confirm', { code: wrong }).expect(400);

    const confirmed = await session.post('/v1/auth/second-factor/enrolment/confirm', { code: totpCode(started.body.secret) }).expect(201);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    expect((await session.get('/v1/auth/second-factor').expect(200)).body).toEqual({
      status: 'active',
      recoveryCodesLeft: 10,
      required: false,
    });
    await session.post('/v1/auth/second-factor/enrolment').expect(409);
  });

  it('asks for a code after the password: the challenge is no access token; a code gives one', async () => {
    const user = org.users.caseworker;
    const totp = await enrolTotp(app, user);
    const server = app.getHttpServer();
    const first = await request(server).post('/v1/auth/login').send({ email: user.email, password: user.password }).expect(200);
    expect(first.body).toEqual({ secondFactorRequired: true, challengeToken: expect.any(String), expiresIn: 300 });
    await request(server).get('/v1/auth/second-factor').set('Authorization', `Bearer ${first.body.challengeToken}`).expect(401);

    const done = await secondStep(first.body.challengeToken, totpCode(totp.secret, 1)).expect(200);
    expect(done.body).toMatchObject({ accessToken: expect.any(String), tokenType: 'Bearer', secondFactorRequired: false });
    await request(server).get('/v1/auth/second-factor').set('Authorization', `Bearer ${done.body.accessToken}`).expect(200);
    // An access token is no challenge either.
    await secondStep(done.body.accessToken, totpCode(totp.secret, 1)).expect(401);
  });

  it('refuses a TOTP code a second time, and an older one after a newer', async () => {
    const user = org.users.auditor;
    const totp = await enrolTotp(app, user);
    const code = totpCode(totp.secret, 1);
    await secondStep(await passwordStep(app, user), code).expect(200);
    await secondStep(await passwordStep(app, user), code).expect(401);
    // The enrolment's own code (this step) is older than the one just used.
    await secondStep(await passwordStep(app, user), totpCode(totp.secret, 0)).expect(401);
  });

  it('accepts a code once even when two logins race with it', async () => {
    const local = await makeOrganisation(db);
    const user = local.users.officer;
    const totp = await enrolTotp(app, user);
    const [a, b] = await Promise.all([passwordStep(app, user), passwordStep(app, user)]);
    const code = totpCode(totp.secret, 1);
    const statuses = (await Promise.all([secondStep(a, code), secondStep(b, code)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 401]);
    const [c, d] = await Promise.all([passwordStep(app, user), passwordStep(app, user)]);
    const recovery = totp.recoveryCodes[0];
    const recoveryStatuses = (await Promise.all([secondStep(c, recovery), secondStep(d, recovery)])).map((r) => r.status).sort();
    expect(recoveryStatuses).toEqual([200, 401]);
  });

  it('accepts each recovery code once, in any case and spacing', async () => {
    const user = org.users.reviewer;
    const totp = await enrolTotp(app, user);
    const [code] = totp.recoveryCodes;
    const session = await loginWithTotp(app, user, totp, ` ${code.toUpperCase()} `);
    expect((await session.get('/v1/auth/second-factor').expect(200)).body.recoveryCodesLeft).toBe(9);
    await secondStep(await passwordStep(app, user), code).expect(401);
    await loginWithTotp(app, user, totp, totp.recoveryCodes[1]);
    const used = await db.query(`SELECT count(*)::int AS n FROM user_recovery_code WHERE user_id = $1 AND used_at IS NOT NULL`, [user.id]);
    expect(used[0].n).toBe(2);
  });

  it('stores neither the TOTP secret nor the recovery codes in clear', async () => {
    const local = await makeOrganisation(db);
    const user = local.users.officer;
    const totp = await enrolTotp(app, user);
    const [row] = await db.query(`SELECT * FROM user_totp WHERE user_id = $1`, [user.id]);
    const dump = JSON.stringify(row);
    const secretBytes = Buffer.from(Secret.fromBase32(totp.secret).buffer);
    expect(dump).not.toContain(totp.secret);
    expect(dump.toLowerCase()).not.toContain(totp.secret.toLowerCase());
    expect(dump).not.toContain(secretBytes.toString('hex'));
    expect(dump).not.toContain(secretBytes.toString('base64').slice(0, 20));
    expect(dump).not.toContain(secretBytes.toString('base64url').slice(0, 20));
    expect(row.key_id).toMatch(/^[0-9a-f]{16}$/);
    expect(dump).not.toContain(process.env.TOTP_ENCRYPTION_KEY);

    const codes = await db.query(`SELECT * FROM user_recovery_code WHERE user_id = $1`, [user.id]);
    expect(codes).toHaveLength(10);
    const codeDump = JSON.stringify(codes);
    for (const code of totp.recoveryCodes) {
      expect(codeDump).not.toContain(code);
      expect(codeDump).not.toContain(code.replace('-', ''));
    }
    for (const stored of codes) expect(stored.code_hash).toMatch(/^\$argon2id\$/);
  });

  /** As if a minute had passed since the last code was used, so the current code is unused again. */
  const letTimePass = (userId: string) => db.query(`UPDATE user_totp SET last_used_step = last_used_step - 2 WHERE user_id = $1`, [userId]);

  it.each([
    ['an admin', 'admin'],
    ['a reviewer', 'reviewer'],
  ] as const)('refuses %s turning off their own second factor (403), even with a valid code', async (_, role) => {
    const local = await makeOrganisation(db);
    const user = local.users[role];
    const totp = await enrolTotp(app, user);
    const session = await loginWithTotp(app, user, totp);
    await letTimePass(user.id);
    await session.post('/v1/auth/second-factor/disable', { code: totpCode(totp.secret, 0) }).expect(403);
    expect((await session.get('/v1/auth/second-factor').expect(200)).body.status).toBe('active');
    await passwordStep(app, user);
  });

  it('lets an officer turn theirs off with a current code only; the password alone then logs in', async () => {
    const local = await makeOrganisation(db);
    const user = local.users.officer;
    const totp = await enrolTotp(app, user);
    const session = await loginWithTotp(app, user, totp);
    await session.post('/v1/auth/second-factor/disable', { code: 'abcdef' }).expect(400);
    await session.post('/v1/auth/second-factor/disable', {}).expect(400);
    // The code just used to log in does not count twice.
    await session.post('/v1/auth/second-factor/disable', { code: totpCode(totp.secret, 1) }).expect(400);
    await letTimePass(user.id);
    await session.post('/v1/auth/second-factor/disable', { code: totpCode(totp.secret, 0) }).expect(204);
    expect(await db.query(`SELECT 1 FROM user_totp WHERE user_id = $1`, [user.id])).toHaveLength(0);
    expect(await db.query(`SELECT 1 FROM user_recovery_code WHERE user_id = $1`, [user.id])).toHaveLength(0);
    await loginAs(app, user);
  });

  it('lets an admin reset the second factor of a user who lost it, ending their sessions', async () => {
    const local = await makeOrganisation(db);
    const user = local.users.caseworker;
    const totp = await enrolTotp(app, user);
    const session = await loginWithTotp(app, user, totp);
    const admin = await loginAs(app, local.users.admin);
    await admin.post(`/v1/users/${local.users.admin.id}/second-factor/reset`).expect(403);
    const outsider = await loginAs(app, (await makeOrganisation(db)).users.admin);
    await outsider.post(`/v1/users/${user.id}/second-factor/reset`).expect(404);
    await admin.post(`/v1/users/${user.id}/second-factor/reset`).expect(204);
    await session.get('/v1/auth/second-factor').expect(401);
    await loginAs(app, user);
  });
});
