import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Redis } from 'ioredis';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PRODUCER_REDIS } from '../../../src/queue/producer-connection.js';
import { RATE_LIMIT_KEY_PREFIX } from '../../../src/rate-limit/redis-throttler-storage.js';
import { countDomainRows } from '../../support/domain-rows.js';
import { addUser, makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs } from '../../support/http.js';
import { makeRequestBody } from '../../support/request-bodies.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

/**
 * Low limits; TRUST_PROXY_HOPS=1 lets each test speak from addresses of its own (X-Forwarded-For).
 * The account lockout is raised out of the way: these tests measure the rate limits, and their
 * failed logins would otherwise lock the accounts the later tests log in with.
 */
const LIMITS = {
  LOGIN_FAILURE_LIMIT: '100',
  RATE_LIMIT_LOGIN_PER_MINUTE: '10',
  RATE_LIMIT_WRITES_PER_MINUTE: '5',
  RATE_LIMIT_READS_PER_MINUTE: '20',
  TRUST_PROXY_HOPS: '1',
};

describe('rate limits', () => {
  let app: NestExpressApplication;
  let second: NestExpressApplication;
  let db: DataSource;
  let redis: Redis;
  let organisation: TestOrganisation;

  beforeAll(async () => {
    [app, second] = await Promise.all([startApi(LIMITS), startApi(LIMITS)]);
    db = dataSourceOf(app);
    redis = app.get(PRODUCER_REDIS);
    organisation = await makeOrganisation(db);
  });

  // Counters live in the Redis every test file shares; start each test from none.
  beforeEach(async () => {
    const keys = await redis.keys(`${RATE_LIMIT_KEY_PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
  });

  afterAll(async () => {
    await Promise.all([app.close(), second.close()]);
  });

  const login = (target: NestExpressApplication, address: string, email: string, password = 'not the password') =>
    request(target.getHttpServer()).post('/v1/auth/login').set('X-Forwarded-For', address).send({ email, password });

  it('refuses the 11th login attempt in a minute from one address, counted across API processes', async () => {
    const address = '203.0.113.10';
    for (let attempt = 0; attempt < 10; attempt += 1) {
      // Different accounts, alternating processes: only the address and the shared Redis tie them.
      const response = await login(attempt % 2 === 0 ? app : second, address, `nobody.${attempt}@test.example`);
      expect(response.status).toBe(401);
    }
    const { officer } = organisation.users;
    const refused = await login(app, address, officer.email, officer.password).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'rate_limited' });
    expect(JSON.stringify(refused.body)).not.toContain(officer.email);

    await login(second, '203.0.113.11', officer.email, officer.password).expect(200);
  });

  it('refuses the 11th attempt on one account even from a new address each time', async () => {
    const { reviewer } = organisation.users;
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await login(app, `198.51.100.${attempt + 1}`, reviewer.email.toUpperCase()).expect(401);
    }
    const refused = await login(app, '198.51.100.99', reviewer.email, reviewer.password).expect(429);
    expect(refused.headers['retry-after']).toBeDefined();
    await login(app, '198.51.100.99', organisation.users.caseworker.email, organisation.users.caseworker.password).expect(200);
  });

  it('keeps emails, addresses and user ids out of Redis keys', async () => {
    const { officer } = organisation.users;
    await login(app, '203.0.113.20', officer.email);
    const session = await loginAs(app, officer);
    await session.get('/v1/tracing-requests').set('X-Forwarded-For', '203.0.113.20').expect(200);
    await session.post('/v1/tracing-requests', { nonsense: true }).set('X-Forwarded-For', '203.0.113.20').expect(400);

    const keys = await redis.keys(`${RATE_LIMIT_KEY_PREFIX}*`);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const key of keys) {
      expect(key).toMatch(/^rate-limit:\{(login-address|login-account|writes|reads):[0-9a-f]{32}\}(:blocked)?$/);
      for (const secret of [officer.email, officer.email.split('@')[0], '203.0.113.20', officer.id]) expect(key).not.toContain(secret);
      expect(await redis.pttl(key)).toBeGreaterThan(0); // every counter expires
    }
  });

  it('limits writes per user with 429 and Retry-After, writes nothing, and leaves reads and other users alone', async () => {
    const officer = await loginAs(app, organisation.users.officer);
    for (let write = 0; write < 5; write += 1) await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201);

    const before = await countDomainRows(db);
    const refused = await officer.post('/v1/tracing-requests', makeRequestBody()).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.code).toBe('rate_limited');
    const listed = await officer.get('/v1/tracing-requests').expect(200);
    await officer.patch(`/v1/tracing-requests/${listed.body.items[0].id}`, { version: 1, circumstances: 'x' }).expect(429);
    expect(await countDomainRows(db)).toEqual(before);

    // Same address, same organisation, another user: a budget of their own.
    const colleague = await loginAs(app, await addUser(db, organisation, 'officer'));
    await colleague.post('/v1/tracing-requests', makeRequestBody()).expect(201);
    // The limit is shared by every API process.
    const elsewhere = { Authorization: `Bearer ${officer.token}` };
    await request(second.getHttpServer()).post('/v1/tracing-requests').set(elsewhere).send(makeRequestBody()).expect(429);
  });

  it('limits reads per user separately from writes', async () => {
    const reviewer = await loginAs(app, organisation.users.reviewer);
    for (let read = 0; read < 20; read += 1) await reviewer.get('/v1/tracing-requests').expect(200);
    const refused = await reviewer.get('/v1/tracing-requests').expect(429);
    expect(refused.headers['retry-after']).toBeDefined();
  });

  it('never limits health and readiness checks', async () => {
    const server = app.getHttpServer();
    for (let check = 0; check < 30; check += 1) {
      await request(server).get('/health').expect(200);
    }
    await request(server).get('/ready').expect(200);
    expect(await redis.keys(`${RATE_LIMIT_KEY_PREFIX}*`)).toEqual([]);
  });
});
