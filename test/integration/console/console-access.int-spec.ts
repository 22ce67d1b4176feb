/**
 * Who may open which console page: the console's own access table, like the API's matrix
 * (test/integration/authorisation/access-matrix.ts, which reads the OpenAPI document; console pages
 * are not in it). Every served /console route must be listed here. A role refused gets 403; an
 * allowed one asking for another organisation's record, or an unknown one, gets 404.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Role } from '../../../src/users/role.js';
import { type ConsoleAgent, consoleAgent } from '../../support/console-agent.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs } from '../../support/http.js';
import { makeRequestBody } from '../../support/request-bodies.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

const EVERYONE: Role[] = ['officer', 'reviewer', 'caseworker', 'admin', 'auditor'];

/** Route → the roles that may use it, and the status an allowed role gets with the ids below. */
const CONSOLE_ACCESS: Record<string, { roles: Role[] | 'public'; allowed: number; fields?: Record<string, string> }> = {
  'GET /console/login': { roles: 'public', allowed: 200 },
  'POST /console/login': { roles: 'public', allowed: 401, fields: { email: 'nobody@test.example', password: 'wrong' } },
  'POST /console/login/second-factor': { roles: 'public', allowed: 401, fields: { code: '000000' } },
  'GET /console/language/{language}': { roles: 'public', allowed: 303 },
  'GET /console/assets/console.css': { roles: 'public', allowed: 200 },
  'GET /console': { roles: EVERYONE, allowed: 200 },
  'POST /console/logout': { roles: EVERYONE, allowed: 303 },
  'GET /console/requests': { roles: ['officer', 'reviewer', 'admin'], allowed: 200 },
  'GET /console/requests/new': { roles: ['officer'], allowed: 200 },
  'POST /console/requests': { roles: ['officer'], allowed: 400, fields: { action: 'submit' } },
  'GET /console/requests/{id}': { roles: ['officer', 'reviewer', 'admin', 'caseworker'], allowed: 404 },
  'GET /console/requests/{id}/edit': { roles: ['officer'], allowed: 404 },
  'POST /console/requests/{id}/edit': { roles: ['officer'], allowed: 404, fields: { version: '1' } },
  'POST /console/requests/{id}/withdraw': { roles: ['officer'], allowed: 404, fields: { reasonCode: 'officer_withdrew' } },
  'POST /console/requests/{id}/close': {
    roles: ['officer'],
    allowed: 404,
    fields: { outcome: 'no_match', reasonCode: 'search_exhausted' },
  },
  'POST /console/requests/{id}/reopen': { roles: ['officer'], allowed: 404, fields: { reasonCode: 'new_information' } },
  'GET /console/review': { roles: ['reviewer', 'admin'], allowed: 200 },
  'GET /console/review/{id}': { roles: ['reviewer', 'admin'], allowed: 404 },
  'POST /console/review/{id}/claim': { roles: ['reviewer'], allowed: 404 },
  'POST /console/review/{id}/release': { roles: ['reviewer'], allowed: 404 },
  'POST /console/review/{id}/decision': {
    roles: ['reviewer'],
    allowed: 404,
    fields: { decision: 'reject', reasonCode: 'different_person', version: '1' },
  },
  'GET /console/finds': { roles: ['caseworker'], allowed: 200 },
  'GET /console/finds/{id}': { roles: ['caseworker'], allowed: 404 },
  'POST /console/finds/{id}/consent': { roles: ['caseworker'], allowed: 404, fields: { decision: 'granted', scopes: 'found' } },
  'POST /console/finds/{id}/consents/{consentId}/withdraw': {
    roles: ['caseworker'],
    allowed: 404,
    fields: { reasonCode: 'found_person_withdrew' },
  },
  'POST /console/finds/{id}/consents/{consentId}/override': {
    roles: ['caseworker'],
    allowed: 404,
    fields: { reasonCode: 'found_person_safety_assessed' },
  },
  'GET /console/case-status': { roles: ['caseworker'], allowed: 200 },
  'GET /console/second-factor': { roles: EVERYONE, allowed: 200 },
  // In this order: the enrolment started, a wrong code is refused.
  'POST /console/second-factor/enrolment': { roles: EVERYONE, allowed: 200 },
  'POST /console/second-factor/enrolment/confirm': { roles: EVERYONE, allowed: 400, fields: { code: 'not-a-code' } },
  // Admins and reviewers may never turn their own factor off (403, by the service's rule); the others
  // have none active here (409).
  'POST /console/second-factor/disable': { roles: ['officer', 'caseworker', 'auditor'], allowed: 409, fields: { code: '000000' } },
  'GET /console/users': { roles: ['admin'], allowed: 200 },
  'POST /console/users': { roles: ['admin'], allowed: 400, fields: { email: 'not an address' } },
  'POST /console/users/{id}/deactivate': { roles: ['admin'], allowed: 404 },
  'POST /console/users/{id}/password-reset': { roles: ['admin'], allowed: 404 },
  'GET /console/users/{id}': { roles: ['admin'], allowed: 404 },
  'POST /console/users/{id}/roles': { roles: ['admin'], allowed: 404, fields: { roles: 'auditor' } },
  'POST /console/users/{id}/unlock': { roles: ['admin'], allowed: 404 },
  'POST /console/users/{id}/second-factor/reset': { roles: ['admin'], allowed: 404 },
  'GET /console/sharing-agreements': { roles: ['admin'], allowed: 200 },
  'POST /console/sharing-agreements': { roles: ['admin'], allowed: 400, fields: { partnerOrganisationId: 'not-an-id' } },
  'POST /console/sharing-agreements/{id}/approve': { roles: ['admin'], allowed: 404 },
  'POST /console/sharing-agreements/{id}/withdraw': { roles: ['admin'], allowed: 404 },
  'GET /console/webhook-receivers': { roles: ['admin'], allowed: 200 },
  'POST /console/webhook-receivers': { roles: ['admin'], allowed: 400, fields: { url: 'http://example.org', audience: 'staff' } },
  'POST /console/webhook-receivers/{id}/deactivate': { roles: ['admin'], allowed: 404 },
  'POST /console/webhook-receivers/{id}/delete': { roles: ['admin'], allowed: 404 },
};

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

describe('console access by role', () => {
  let api: NestExpressApplication;
  let db: DataSource;
  let own: TestOrganisation;
  /** Another organisation's records, by the route segment before `{id}`; other routes get an unknown id. */
  const foreignIds: Record<string, string> = {};
  const agents = {} as Record<Role, ConsoleAgent>;

  beforeAll(async () => {
    api = await startApi();
    db = dataSourceOf(api);
    own = await makeOrganisation(db);
    const other = await makeOrganisation(db);
    const officer = await loginAs(api, other.users.officer);
    foreignIds.requests = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body.id;
    const otherAdmin = await loginAs(api, other.users.admin);
    foreignIds.users = other.users.officer.id;
    foreignIds['sharing-agreements'] = (
      await otherAdmin.post('/v1/sharing-agreements', { partnerOrganisationId: (await makeOrganisation(db)).id }).expect(201)
    ).body.id;
    foreignIds['webhook-receivers'] = (
      await otherAdmin.post('/v1/webhook-receivers', { url: 'https://alerts.example.org/rfl', audience: 'staff' }).expect(201)
    ).body.receiver.id;
    for (const role of EVERYONE) {
      agents[role] = consoleAgent(api);
      await agents[role].signIn(own.users[role]);
    }
  });

  afterAll(() => api.close());

  it('lists every /console route the service serves', () => {
    const stack = api.getHttpAdapter().getInstance().router.stack as unknown as ExpressLayer[];
    const served = stack
      .filter((layer) => layer.route?.path.startsWith('/console'))
      .flatMap((layer) =>
        // Nest registers each path with and without a trailing slash.
        Object.keys(layer.route!.methods).map(
          (method) => `${method.toUpperCase()} ${layer.route!.path.replace(/(.)\/$/, '$1').replace(/:(\w+)/g, '{$1}')}`,
        ),
      );
    expect([...new Set(served)].sort()).toEqual(Object.keys(CONSOLE_ACCESS).sort());
  });

  it.each(Object.entries(CONSOLE_ACCESS).filter(([, access]) => access.roles === 'public'))(
    '%s is open without a session',
    async (key, access) => {
      const [method, template] = key.split(' ');
      const anonymous = consoleAgent(api);
      await anonymous.get('/console/login');
      const path = template.replace('{language}', 'ar');
      const answer = method === 'GET' ? await anonymous.get(path) : await anonymous.post(path, access.fields ?? {});
      expect(answer.status).toBe(access.allowed);
    },
  );

  const signedInRoutes = Object.entries(CONSOLE_ACCESS).filter(
    ([key, access]) => access.roles !== 'public' && key !== 'POST /console/logout',
  );

  it.each(signedInRoutes)('%s: allowed roles reach the page (or a 404 for a foreign id), the others get 403', async (key, access) => {
    const [method, template] = key.split(' ');
    const section = /^\/console\/([\w-]+)\/\{id\}/.exec(template)?.[1] ?? '';
    const path = template.replace('{id}', foreignIds[section] ?? randomUUID()).replace('{consentId}', randomUUID());
    for (const role of EVERYONE) {
      const agent = agents[role];
      await agent.get('/console'); // a fresh CSRF token for this session
      const answer = method === 'GET' ? await agent.get(path) : await agent.post(path, access.fields ?? {});
      const expected = (access.roles as Role[]).includes(role) ? access.allowed : 403;
      expect({ role, status: answer.status }).toEqual({ role, status: expected });
    }
  });
});
