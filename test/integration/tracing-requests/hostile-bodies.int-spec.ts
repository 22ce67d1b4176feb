import fc from 'fast-check';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { countDomainRows } from '../../support/domain-rows.js';
import { makeOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { makeRequestBody } from '../../support/request-bodies.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

/** Replaces the value at a random path of a valid body, so most bodies are almost right. */
function mutate(body: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof body !== 'object' || body === null) return replacement;
  const keys = Object.keys(body);
  if (keys.length === 0) return replacement;
  const key = keys[path[0] % keys.length];
  const copy: Record<string, unknown> = Array.isArray(body) ? ([...body] as never) : { ...body };
  copy[key] = mutate((body as Record<string, unknown>)[key], path.slice(1), replacement);
  return copy;
}

const hostileValue = fc.oneof(
  // containers of the wrong kind where objects or arrays are expected
  fc.constantFrom([], [[]], {}, [{}], [null], '', 0),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ minLength: 5000, maxLength: 12000 }),
  fc.constantFrom(
    'nul\u0000inside',
    "'; DROP TABLE person_record; --",
    '<script>alert(1)</script>',
    '\u202Eevil',
    '\uD800',
    '__proto__',
    'محمد Мухаммед ሙሐመድ',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 6 }),
  fc.constant({ __proto__: { isAdmin: true }, constructor: { prototype: { polluted: true } } }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
);

describe('hostile request bodies', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let officer: Session;

  beforeAll(async () => {
    app = await startApi();
    db = dataSourceOf(app);
    officer = await loginAs(app, (await makeOrganisation(db)).users.officer);
  });

  afterAll(async () => {
    await app.close();
  });

  const counts = () => countDomainRows(db);

  // Each property runs many requests: the 300 s below guard against a hang on a loaded machine, not a time limit.
  it('never answer 5xx, never echo a submitted string, and write nothing when refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 6 }), hostileValue, async (path, value) => {
        const before = await counts();
        const body = mutate(makeRequestBody(), path, value);
        const response = await officer
          .post('/v1/tracing-requests')
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body) ?? 'null');
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(await counts()).toEqual(before);
          if (typeof value === 'string' && value.length >= 6) expect(JSON.stringify(response.body)).not.toContain(value);
          expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(ts|js):\d+/);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: Number(process.env.HOSTILE_RUNS ?? 300) },
    );
  }, 300_000);

  it('refuse arbitrary JSON as a request', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 8 }), async (value) => {
        const before = await counts();
        const response = await officer.post('/v1/tracing-requests').set('Content-Type', 'application/json').send(JSON.stringify(value));
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(await counts()).toEqual(before);
      }),
      { numRuns: 100 },
    );
  }, 300_000);

  it('never answer 5xx to a mangled update, and leave the request untouched when refused', async () => {
    const created = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    const valid = {
      version: created.version,
      circumstances: 'updated (test)',
      persons: [{ id: created.soughtPeople[0].id, names: makeRequestBody().soughtPeople[0].names }],
      addSoughtPeople: [makeRequestBody().soughtPeople[0]],
    };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 6 }), hostileValue, async (path, value) => {
        const [before] = await db.query(`SELECT version FROM tracing_request WHERE id = $1`, [created.id]);
        const body = mutate({ ...valid, version: before.version }, path, value);
        const response = await officer
          .patch(`/v1/tracing-requests/${created.id}`)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body) ?? 'null');
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          const [after] = await db.query(`SELECT version FROM tracing_request WHERE id = $1`, [created.id]);
          expect(after.version).toBe(before.version);
        }
      }),
      { numRuns: Number(process.env.HOSTILE_RUNS ?? 150) },
    );
  }, 300_000);

  it('never answer 5xx to a mangled query string', async () => {
    const key = fc.constantFrom('status', 'reference', 'createdFrom', 'createdTo', 'cursor', 'limit', 'unknown', '__proto__');
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(key, fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.integer().map(String))),
        async (query) => {
          const response = await officer.get('/v1/tracing-requests').query(query);
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  }, 300_000);
});
