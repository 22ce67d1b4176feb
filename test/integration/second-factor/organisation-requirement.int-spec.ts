import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { enrolTotp, loginWithTotp, passwordStep, totpCode } from '../../support/second-factor.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
}

/** Every route the app serves, read from Express's router, with each `:param` filled by a fresh uuid. */
function routesOf(app: NestExpressApplication): Route[] {
  const stack = (
    app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }
  ).router.stack;
  return stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods).map((method) => ({
          method: method as Route['method'],
          path: layer.route!.path.replace(/:[A-Za-z]+/g, () => randomUUID()),
        }))
      : [],
  );
}

const ENROLMENT = /^\/v1\/auth\/second-factor(\/|$)/;

describe("an organisation's second-factor requirement", () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;
  let admin: Session;

  beforeAll(async () => {
    app = await startApi();
    db = dataSourceOf(app);
    org = await makeOrganisation(db);
    admin = await loginAs(app, org.users.admin);
  });

  afterAll(async () => {
    await app.close();
  });

  it('is off by default and set only by an admin of the organisation, audited', async () => {
    expect((await admin.get('/v1/organisation/second-factor-policy').expect(200)).body).toEqual({ required: false });
    const officer = await loginAs(app, org.users.officer);
    await officer.put('/v1/organisation/second-factor-policy', { required: true }).expect(403);
    await admin.put('/v1/organisation/second-factor-policy', { required: 'yes' }).expect(400);
    await admin.put('/v1/organisation/second-factor-policy', { required: true }).expect(200);
    const [row] = await db.query(`SELECT second_factor_required FROM organisation WHERE id = $1`, [org.id]);
    expect(row.second_factor_required).toBe(true);
    const events = await db.query(
      `SELECT actor_user_id, reason_code FROM audit_event WHERE action = 'organisation.policy_changed' AND entity_id = $1`,
      [org.id],
    );
    expect(events).toEqual([{ actor_user_id: org.users.admin.id, reason_code: 'second_factor_required' }]);
  });

  it('gives a user without an active TOTP 403 on every route but enrolment, until they have enrolled', async () => {
    const server = app.getHttpServer();
    const routes = routesOf(app);
    expect(routes.length).toBeGreaterThan(30);
    // Protected routes are those that turn an anonymous caller away with 401.
    const protectedRoutes: Route[] = [];
    for (const route of routes) {
      if ((await request(server)[route.method](route.path).send({})).status === 401) protectedRoutes.push(route);
    }
    const others = protectedRoutes.filter((r) => !ENROLMENT.test(r.path));
    expect(others.length).toBeGreaterThan(25);
    expect(protectedRoutes.some((r) => ENROLMENT.test(r.path))).toBe(true);

    // The admin who set the requirement has no TOTP either: the same holds for every role's token.
    for (const role of ['officer', 'admin', 'reviewer', 'caseworker', 'auditor'] as const) {
      const session = await loginAs(app, org.users[role]);
      const auth = { Authorization: `Bearer ${session.token}` };
      const refused: string[] = [];
      for (const route of others) {
        const response = await request(server)[route.method](route.path).set(auth).send({});
        if (response.status !== 403 || response.body.code !== 'second_factor_enrolment_required')
          refused.push(`${route.method} ${route.path} ${response.status}`);
      }
      expect(refused).toEqual([]);
      await session.get('/v1/auth/second-factor').expect(200);
    }

    // Enrolment opens the rest, and from then on the password alone no longer logs in.
    const officer = await loginAs(app, org.users.officer);
    expect((await officer.get('/v1/auth/second-factor').expect(200)).body).toEqual({
      status: 'none',
      recoveryCodesLeft: 0,
      required: true,
    });
    const totp = await enrolTotp(app, org.users.officer, officer);
    await officer.get('/v1/tracing-requests').expect(200);
    const fresh = await loginWithTotp(app, org.users.officer, totp);
    await fresh.get('/v1/tracing-requests').expect(200);
    const denied = await db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'access.denied_second_factor_required' AND organisation_id = $1`,
      [org.id],
    );
    expect(denied[0].n).toBeGreaterThanOrEqual(others.length);
  });

  it('refuses turning the second factor off while the organisation requires it', async () => {
    const user = org.users.caseworker;
    const totp = await enrolTotp(app, user);
    const session = await loginWithTotp(app, user, totp);
    await session.post('/v1/auth/second-factor/disable', { code: totpCode(totp.secret, 0) }).expect(403);
    await passwordStep(app, user);
  });

  it('leaves other organisations alone', async () => {
    const other = await makeOrganisation(db);
    const officer = await loginAs(app, other.users.officer);
    await officer.get('/v1/tracing-requests').expect(200);
  });
});
