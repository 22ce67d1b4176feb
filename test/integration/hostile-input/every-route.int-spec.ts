/**
 * Hostile input on every route the app serves (invariant 9, docs/decisions/0015-hostile-input-suite.md):
 * generated bodies, query strings, headers and path values, sent with a token of a role the route
 * admits. Whatever comes, the answer is below 500; a 4xx writes no domain row and its body carries no
 * stack trace and none of the submitted values. HOSTILE_RUNS scales the runs per route, HOSTILE_SEED
 * replays a failure (fast-check prints both the seed and the failing path).
 */
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Role } from '../../../src/users/role.js';
import { type ApiDocument, type ApiRoute, enumerateRoutes, resolveSchema, type SchemaObject } from '../../support/api-routes.js';
import { watchDomainWrites } from '../../support/domain-rows.js';
import { addUser, makeOrganisation } from '../../support/factories.js';
import { loginAs } from '../../support/http.js';
import {
  addKeyAt,
  deepJson,
  hostileHeaders,
  hostileKey,
  hostileUrlComponent,
  hostileValue,
  invalidUtf8,
  MARKER,
  oddDate,
  craftedCursor,
  percentEncode,
  replaceAt,
} from '../../support/hostile-values.js';
import { startOwnBackends } from '../../support/own-backends.js';
import { makeRequestBody } from '../../support/request-bodies.js';
import { claim, reviewFlow } from '../../support/review-flow.js';
import { dataSourceOf, startApi, startWorker } from '../../support/test-app.js';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 300);
const SEED = Number(process.env.HOSTILE_SEED ?? 20260415);

/**
 * Routes whose hostile run is skipped, each with its reason. The last test fails on a route that is
 * neither run nor listed here, and on an entry that names no route any more.
 */
const SKIPPED: Record<string, string> = {};

/** Path parameters the fixture has no real record for: they get a well-formed unknown id (plus the hostile values). */
const NO_REAL_RECORD: Record<string, string> = {
  consentId:
    'a found person consent needs a confirmed find, a passed identity check and an assigned caseworker; unknown ids still reach the handler',
};

// One app, one organisation, its records: set up before the tests are declared, so that each route is a test of its own.
// A Redis and a database of its own: no other suite's app writes here while the writes are watched.
const backends = await startOwnBackends('every_route');
const limits = {
  ...backends.settings,
  WEBHOOK_ALLOW_HTTP_LOOPBACK: 'true',
  RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
  RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
  RATE_LIMIT_READS_PER_MINUTE: '1000000',
};
const app: NestExpressApplication = await startApi(limits);
const db = dataSourceOf(app);
const { document, routes } = await enumerateRoutes(app);
const fixture = await makeFixture();
const writes = await watchDomainWrites(db);
const covered = new Set<string>();
/** Statuses per route, printed with HOSTILE_STATS=1 to see how deep the generated input gets. */
const statuses = new Map<string, Record<number, number>>();

async function makeFixture() {
  const org = await makeOrganisation(db);
  const partner = await makeOrganisation(db);
  const sessions = {} as Record<Role, Awaited<ReturnType<typeof loginAs>>>;
  for (const role of Object.keys(org.users) as Role[]) sessions[role] = await loginAs(app, org.users[role]);
  const target = await addUser(db, org, 'officer');

  // A worker only while the candidates are made: nothing may write in the background during the runs.
  const worker: INestApplicationContext = await startWorker(limits);
  const flow = reviewFlow(db, sessions.officer);
  const asked = await flow.reciprocalPair();
  const { a, found } = await flow.reciprocalPair();
  await worker.close();

  await claim(sessions.reviewer, asked.found.id);
  await sessions.reviewer
    .post(`/v1/review/candidates/${asked.found.id}/decisions`, {
      decision: 'need_more_info',
      reasonCode: 'birth_date_missing',
      version: (await db.query(`SELECT version FROM candidate_match WHERE id = $1`, [asked.found.id]))[0].version,
      followUp: { personId: asked.a.soughtPeople[0].id, form: 'birth_details' },
    })
    .expect(200);
  const [question] = await db.query(`SELECT id FROM follow_up_question WHERE candidate_id = $1`, [asked.found.id]);
  await claim(sessions.reviewer, found.id);
  const agreement = (await sessions.admin.post('/v1/sharing-agreements', { partnerOrganisationId: partner.id }).expect(201)).body;
  const receiver = (await sessions.admin.post('/v1/webhook-receivers', { url: 'http://127.0.0.1:9/hook', audience: 'staff' }).expect(201))
    .body.receiver;
  const [{ reference }] = await db.query(`SELECT reference FROM tracing_request WHERE id = $1`, [a.id]);

  /** Real ids by parameter name, and for `{id}` by the collection it follows. */
  const realIds: Record<string, string> = {
    requestId: a.id,
    personId: a.soughtPeople[0].id,
    candidateId: found.id,
    questionId: question.id,
    reference,
    'tracing-requests/{id}': a.id,
    'users/{id}': target.id,
    'candidates/{id}': found.id,
    'sharing-agreements/{id}': agreement.id,
    'webhook-receivers/{id}': receiver.id,
  };
  /** Ids the near-valid bodies use for uuid fields, by field name. */
  const bodyIds: Record<string, string> = { partnerOrganisationId: partner.id, personId: a.soughtPeople[0].id, id: a.soughtPeople[0].id };
  return { sessions, realIds, bodyIds, requestId: a.id };
}

function realValue(route: ApiRoute, param: string): string {
  const collection = route.path.match(new RegExp(`([a-z-]+)/\\{${param}\\}`))?.[1];
  const value = fixture.realIds[param] ?? fixture.realIds[`${collection}/{${param}}`];
  if (value) return value;
  if (NO_REAL_RECORD[param]) return randomUUID();
  throw new Error(`no real record for path parameter ${param} of ${route.path}: add one to the fixture or to NO_REAL_RECORD with a reason`);
}

/** A body of the route's schema with plausible values (enums, examples, real ids), for mutations to spoil. */
function skeleton(doc: ApiDocument, schema: SchemaObject | undefined, name = '', depth = 0): unknown {
  const resolved = resolveSchema(doc, schema);
  if (depth > 6) return null;
  if (resolved.enum?.length) return resolved.enum[0];
  if (resolved.example !== undefined) return resolved.example;
  if (resolved.properties || resolved.type === 'object') {
    const entries = Object.entries(resolved.properties ?? {}).map(([key, child]) => [key, skeleton(doc, child, key, depth + 1)]);
    return Object.fromEntries(entries);
  }
  switch (resolved.type) {
    case 'array':
      return [skeleton(doc, resolved.items, name, depth + 1)];
    case 'integer':
    case 'number':
      return resolved.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (fixture.bodyIds[name]) return fixture.bodyIds[name];
      if (resolved.format === 'uuid' || /Id$/.test(name)) return fixture.requestId;
      if (resolved.format === 'date-time' || resolved.format === 'date' || /Date$|At$/.test(name)) return '2026-01-01';
      return 'test value';
    default:
      return 'test value';
  }
}

/** Valid bodies where the schema alone does not make one (rules across fields, current versions). */
async function validBodies(): Promise<Record<string, unknown>> {
  const version = async (table: string, id: string) => (await db.query(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version;
  const sought = makeRequestBody().soughtPeople[0];
  return {
    TracingRequestsController_create: makeRequestBody(),
    TracingRequestsController_update: {
      version: await version('tracing_request', fixture.requestId),
      circumstances: 'updated (test)',
      persons: [{ id: fixture.bodyIds.personId, names: sought.names }],
      addSoughtPeople: [sought],
    },
    ReviewController_decide: {
      decision: 'reject',
      reasonCode: 'different_person',
      version: await version('candidate_match', fixture.realIds.candidateId),
    },
    FindsController_recordConsent: { decision: 'granted', scopes: ['found'], validUntil: '2027-06-30' },
  };
}
const VALID_BODIES = await validBodies();

interface HostileRequest {
  role?: Role;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** What the run varied, for the failure message. */
  varied: string[];
}

function requestArbitrary(route: ApiRoute): fc.Arbitrary<HostileRequest> {
  const hasBody = ['post', 'put', 'patch'].includes(route.method);
  const base = VALID_BODIES[route.operationId] ?? (route.body ? skeleton(document, route.body) : {});
  const reals = route.pathParams.map((param) => realValue(route, param));
  const pathValue = (i: number) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(reals[i]) },
      hostileUrlComponent,
      fc.constantFrom(randomUUID().toUpperCase(), ` ${randomUUID()}`, '00000000-0000-0000-0000-000000000000', `${randomUUID()}${MARKER}`),
    );
  const queryKey = fc.oneof(
    fc.constantFrom(...route.queryParams.map((q) => q.name), 'limit', 'cursor'),
    hostileKey.map((key) => percentEncode(key)),
    fc.constantFrom('__proto__[polluted]', 'constructor[prototype][polluted]', 'a[b][c][d][e][f][g]', 'x[]', `${MARKER}-x[0]`),
  );
  const hostileQuery = fc
    .array(fc.tuple(queryKey, hostileUrlComponent), { maxLength: 5 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
  // Known keys with values a parser may take and the database refuse (odd dates, crafted cursors),
  // and at most one hostile pair: one spoilt pair among valid ones reaches deeper than many.
  const plausibleQuery = fc
    .tuple(
      fc
        .subarray(route.queryParams)
        .chain((params) =>
          fc.tuple(
            ...params.map((param) => plausibleQueryValue(param.name, param.schema).map((value) => `${param.name}=${value}`)),
            fc.constant(null),
          ),
        ),
      fc.option(hostileQuery, { freq: 2 }),
    )
    .map(([pairs, extra]) => [...pairs.filter((pair) => pair !== null), ...(extra ? [extra] : [])].join('&'));
  const query = fc.oneof(hostileQuery, { weight: 2, arbitrary: plausibleQuery });
  const mutatedBody = fc.oneof(
    { weight: 1, arbitrary: fc.constant({ text: JSON.stringify(base) ?? '', how: 'near-valid body' }) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.array(fc.nat(), { maxLength: 6 }), hostileValue)
        .map(([path, value]) => ({ text: JSON.stringify(replaceAt(base, path, value)) ?? 'null', how: 'body with a hostile value' })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.array(fc.nat(), { maxLength: 4 }), hostileKey, hostileValue)
        .map(([path, key, value]) => ({ text: JSON.stringify(addKeyAt(base, path, key, value)), how: 'body with a hostile key' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          hostileValue.map((value) => JSON.stringify(value) ?? 'null'),
          fc.constantFrom(deepJson(40, false), deepJson(5_000, true), deepJson(100_000, false), '{"a":', `{"${MARKER}"}`, `["${MARKER}",]`),
          fc.constant(JSON.stringify([base])),
        )
        .map((text) => ({ text, how: 'hostile body' })),
    },
  );
  // Invalid UTF-8 cannot be written in a JavaScript string: it is spliced into the JSON text as bytes.
  const body = fc.oneof(
    { weight: 5, arbitrary: mutatedBody.map(({ text, how }): [string | Buffer, string] => [text, how]) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.array(fc.nat(), { maxLength: 6 }), invalidUtf8).map(([path, bytes]): [string | Buffer, string] => {
        const [before, after] = (JSON.stringify(replaceAt(base, path, 'RAWBYTES')) ?? '"RAWBYTES"').split('RAWBYTES');
        return [
          Buffer.concat([Buffer.from(`${before}${MARKER}`), Buffer.from(bytes), Buffer.from(after ?? '')]),
          'body with invalid UTF-8',
        ];
      }),
    },
  );
  const roles = route.isPublic ? fc.constant(undefined) : fc.constantFrom(...route.roles);
  const parts = ['path', 'query', 'headers', 'body', 'all'] as const;
  type Part = (typeof parts)[number];
  // One part hostile per run (or all at once): a hostile path answers 400 before a body is read.
  const focus = fc.oneof(
    fc.constantFrom<Part>(...parts.filter((part) => part !== 'path' || route.pathParams.length > 0)),
    ...(route.queryParams.length > 0 ? [fc.constant<Part>('query'), fc.constant<Part>('query')] : []),
  );
  const noBody = fc.constant(null);
  const nearValid = fc.constant<[string | Buffer, string] | null>(hasBody ? [JSON.stringify(base), 'near-valid body'] : null);
  return focus
    .chain((part) => {
      const hostile = (p: Part) => part === p || part === 'all';
      return fc.record({
        role: roles,
        path: fc.tuple(...route.pathParams.map((_, i) => (hostile('path') ? pathValue(i) : fc.constant(reals[i]))), fc.constant(null)),
        query: hostile('query') ? query : fc.constant(''),
        headers: hostile('headers') ? hostileHeaders : fc.constant({}),
        // a body on GET and DELETE too, now and then
        body: hostile('body') ? (hasBody ? body : fc.oneof(noBody, body)) : nearValid,
      });
    })
    .map(({ role, path, query: q, headers, body: b }) => {
      let url = route.path;
      route.pathParams.forEach((param, i) => (url = url.replace(`{${param}}`, path[i] as string)));
      if (q) url += `?${q}`;
      const varied = [
        ...(route.pathParams.some((_, i) => path[i] !== reals[i]) ? ['path'] : []),
        ...(q ? ['query'] : []),
        ...(Object.keys(headers).length ? ['headers'] : []),
        ...(b ? [b[1]] : []),
      ];
      return { role, url, headers: { 'content-type': 'application/json', ...headers }, body: b?.[0], varied };
    });
}

/** A query value of the parameter's type (enum, example, number, id), or a date or cursor parsers disagree on. */
function plausibleQueryValue(name: string, schema: SchemaObject): fc.Arbitrary<string> {
  const resolved = resolveSchema(document, schema);
  const odd = [oddDate.map(encodeURIComponent), craftedCursor, fc.constant(fixture.requestId)];
  if (name === 'cursor') return fc.oneof({ weight: 3, arbitrary: craftedCursor }, ...odd);
  const example = resolved.example === undefined ? undefined : String(resolved.example);
  if (example && /^\d{4}-\d{2}/.test(example))
    return fc.oneof({ weight: 3, arbitrary: oddDate.map(encodeURIComponent) }, fc.constant(example));
  const typed: fc.Arbitrary<string>[] = [];
  if (resolved.enum?.length) typed.push(fc.constantFrom(...resolved.enum.map(String)));
  if (example !== undefined) typed.push(fc.constant(example));
  if (resolved.type === 'integer' || resolved.type === 'number') typed.push(fc.integer({ min: 1, max: 100 }).map(String));
  if (resolved.type === 'boolean') typed.push(fc.constantFrom('true', 'false'));
  if (resolved.format === 'uuid') typed.push(fc.constant(fixture.requestId));
  // mostly valid, so that the one odd value of a query string is what the handler meets
  return typed.length ? fc.oneof({ weight: 12, arbitrary: fc.oneof(...typed) }, ...odd) : fc.oneof(...odd);
}

async function send(route: ApiRoute, hostile: HostileRequest) {
  let call = request(app.getHttpServer())[route.method](hostile.url).set(hostile.headers);
  if (hostile.role) call = call.set('Authorization', `Bearer ${fixture.sessions[hostile.role].token}`);
  if (hostile.body !== undefined) call = call.send(hostile.body);
  return call;
}

const STACK = /\n\s+at |\bat [^\s]+ \(|\.(ts|js|mjs):\d+|node_modules|file:\/\/|\/work\/|\/tmp\//;

afterAll(async () => {
  if (process.env.HOSTILE_STATS) process.stderr.write(`${JSON.stringify(Object.fromEntries(statuses))}\n`);
  await writes.stop();
  await app.close();
  await backends.stop();
});

describe('hostile input on every route', () => {
  it('finds the routes in the served OpenAPI document, each with roles or public', () => {
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) expect(route.isPublic || route.roles.length > 0).toBe(true);
  });

  it('sees a domain write when one happens (the journal the runs rely on works)', async () => {
    const mark = await writes.mark();
    await fixture.sessions.officer.post('/v1/tracing-requests', makeRequestBody()).expect(201);
    expect(await writes.writesSince(mark)).toEqual(expect.arrayContaining(['tracing_request INSERT', 'person_record INSERT']));
    const update = await writes.mark();
    await db.query(`UPDATE tracing_request SET circumstances = circumstances WHERE id = $1`, [fixture.requestId]);
    expect(await writes.writesSince(update)).toEqual(['tracing_request UPDATE']);
  });

  describe.each(routes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))('%s', (_, route) => {
    const run = SKIPPED[route.operationId] ? it.skip : it;
    run(
      'answers below 500, writes nothing when refused, and echoes nothing',
      async () => {
        await fc.assert(
          fc.asyncProperty(requestArbitrary(route), async (hostile) => {
            const mark = await writes.mark();
            const response = await send(route, hostile);
            const seen = statuses.get(route.operationId) ?? {};
            seen[response.status] = (seen[response.status] ?? 0) + 1;
            statuses.set(route.operationId, seen);
            const text = response.text ?? '';
            if (process.env.HOSTILE_TRACE && route.operationId === process.env.HOSTILE_TRACE)
              process.stderr.write(`TRACE ${response.status} ${hostile.url.slice(0, 200)}\n`);
            const context = `${route.method.toUpperCase()} ${route.path} (${hostile.varied.join(', ') || 'nothing varied'}) -> ${response.status}`;
            expect({ context, status: response.status < 500 ? 'below 500' : text.slice(0, 300) }).toEqual({ context, status: 'below 500' });
            expect({ context, stack: STACK.test(text) ? text.slice(0, 500) : 'none' }).toEqual({ context, stack: 'none' });
            if (response.status >= 400) {
              expect({ context, writes: await writes.writesSince(mark) }).toEqual({ context, writes: [] });
              expect({ context, echo: text.includes(MARKER) ? text.slice(0, 500) : 'none' }).toEqual({ context, echo: 'none' });
            }
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          }),
          { numRuns: RUNS, seed: SEED + hash(route.operationId), endOnFailure: true },
        );
        covered.add(route.operationId);
        // A guard against a hang, not a time limit: login hashes 300 passwords on purpose slowly, and a
        // shared machine can take minutes over it.
      },
      300_000,
    );
  });

  it('left no route out without a stated reason', () => {
    const operationIds = routes.map((route) => route.operationId);
    expect(Object.keys(SKIPPED).filter((id) => !operationIds.includes(id))).toEqual([]);
    expect(Object.entries(SKIPPED).filter(([, reason]) => reason.trim().length < 10)).toEqual([]);
    expect(operationIds.filter((id) => !covered.has(id) && !SKIPPED[id])).toEqual([]);
  });
});

function hash(text: string): number {
  let h = 0;
  for (const char of text) h = (h * 31 + char.charCodeAt(0)) | 0;
  return Math.abs(h);
}
