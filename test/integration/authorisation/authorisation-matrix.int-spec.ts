/**
 * The authorisation matrix, table-driven from ./access-matrix.ts: for every route the API serves
 * (read from its own OpenAPI document), every role either gets 403 or is let through, exactly as the
 * table says; and for every route that names a record, an allowed role of another organisation
 * gets 404 for that record, as for an id that does not exist.
 */
import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ROLES, type Role } from '../../../src/users/role.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { decide, reviewFlow } from '../../support/review-flow.js';
import { startStack, type TestStack } from '../../support/stack.js';
import { ACCESS_MATRIX } from './access-matrix.js';
import { LISTING_ROUTES } from './listing-routes.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

describe('the authorisation matrix', () => {
  let stack: TestStack;
  let api: NestExpressApplication;
  let db: DataSource;
  let home: TestOrganisation;
  let sessions: Record<Role, Session>;
  let routes: { key: string; method: Method; path: string }[];
  /** ids of records of another organisation, by path parameter */
  let foreign: (path: string, param: string) => string;

  beforeAll(async () => {
    stack = await startStack();
    ({ api, db } = stack);
    home = await makeOrganisation(db);
    sessions = {} as Record<Role, Session>;
    for (const role of ROLES) sessions[role] = await loginAs(api, home.users[role]);

    const document = (await request(api.getHttpServer()).get('/docs-json').expect(200)).body as { paths: Record<string, object> };
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({ key: `${method.toUpperCase()} ${path}`, method: method as Method, path })),
    );

    foreign = await foreignRecords(await makeOrganisation(db), await makeOrganisation(db));
  }, 120_000);

  afterAll(() => stack.stop());

  /** Another organisation's records of every kind a route can name, made through its own staff. */
  async function foreignRecords(other: TestOrganisation, third: TestOrganisation) {
    const as = async (role: Role) => loginAs(api, other.users[role]);
    const { a, found } = await reviewFlow(db, await as('officer')).reciprocalPair({}, { caseworkerId: other.users.caseworker.id });
    await decide(await as('reviewer'), found.id, { decision: 'confirm', reasonCode: 'reciprocal_search' });
    const reviewer = await as('reviewer');
    await reviewer
      .post(`/v1/finds/${found.id}/identity-checks`, { outcome: 'passed', methods: ['documents_seen'], reasonCode: 'documents_verified' })
      .expect(200);
    const { consentId } = (
      await (await as('caseworker')).post(`/v1/finds/${found.id}/consents`, { decision: 'granted', scopes: ['found'] }).expect(201)
    ).body;
    const [{ id: questionId }] = await db.query(
      `INSERT INTO follow_up_question (request_id, person_id, form, asked_by) VALUES ($1, $2, 'birth_details', $3) RETURNING id`,
      [a.id, a.soughtPeople[0].id, other.users.reviewer.id],
    );
    const admin = await as('admin');
    const agreement = (await admin.post('/v1/sharing-agreements', { partnerOrganisationId: third.id }).expect(201)).body;
    const receiver = (await admin.post('/v1/webhook-receivers', { url: 'https://receiver.example.org/rfl', audience: 'staff' }).expect(201))
      .body;
    const byPath: [RegExp, string][] = [
      [/^\/v1\/review\/candidates\//, found.id],
      [/^\/v1\/users\//, other.users.officer.id],
      [/^\/v1\/sharing-agreements\//, agreement.id],
      [/^\/v1\/webhook-receivers\//, receiver.receiver.id],
      [/^\/v1\/tracing-requests\//, a.id],
    ];
    const byParam: Record<string, string> = {
      requestId: a.id,
      personId: a.soughtPeople[0].id,
      questionId,
      candidateId: found.id,
      consentId,
      reference: a.reference,
    };
    return (path: string, param: string): string => {
      if (param !== 'id') return byParam[param];
      const match = byPath.find(([pattern]) => pattern.test(path));
      if (!match) throw new Error(`no foreign record for {id} in ${path}`);
      return match[1];
    };
  }

  const params = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const fill = (path: string, value: (param: string) => string) => path.replace(/\{(\w+)\}/g, (_, param: string) => value(param));
  const call = (session: Session, method: Method, url: string, body?: object) =>
    method === 'get' ? session.get(url) : method === 'delete' ? session.delete(url) : session[method](url, body ?? {});

  it('has an entry for every route the API serves, and none for a route it does not', () => {
    const served = routes.map((r) => r.key).sort();
    expect(served).toEqual(Object.keys(ACCESS_MATRIX).sort());
  });

  it('has no listing route but those recorded with the reason they export no people (no bulk export)', () => {
    // A GET that names no single record lists many: each must be on the list, with its reason.
    const listings = routes.filter((r) => r.method === 'get' && !r.path.includes('{')).map((r) => r.key);
    expect(listings.sort()).toEqual(Object.keys(LISTING_ROUTES).sort());
  });

  it('refuses every role the table does not name with 403, and lets the others through', async () => {
    const outcomes: string[] = [];
    for (const { key, method, path } of routes) {
      const access = ACCESS_MATRIX[key];
      if (access.roles === 'public') continue;
      const url = fill(path, (param) => (param === 'reference' ? 'TR-2026-999999' : randomUUID()));
      for (const role of ROLES) {
        const response = await call(sessions[role], method, url, access.body);
        const allowed = access.roles.includes(role);
        const ok = allowed ? response.status !== 403 && response.status !== 401 && response.status < 500 : response.status === 403;
        if (!ok) outcomes.push(`${key} as ${role}: ${response.status} (${allowed ? 'allowed' : 'forbidden'} by the table)`);
      }
    }
    expect(outcomes).toEqual([]);
  }, 120_000);

  it("answers 404 for another organisation's record, whatever the role, as for an unknown id", async () => {
    const outcomes: string[] = [];
    for (const { key, method, path } of routes) {
      const access = ACCESS_MATRIX[key];
      if (access.roles === 'public' || params(path).length === 0) continue;
      const url = fill(path, (param) => foreign(path, param));
      for (const role of access.roles) {
        const response = await call(sessions[role], method, url, access.body);
        if (response.status !== 404) outcomes.push(`${key} as ${role}: ${response.status}`);
      }
    }
    expect(outcomes).toEqual([]);
  }, 120_000);
});
