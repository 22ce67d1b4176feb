import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { countDomainRows } from '../../support/domain-rows.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { makeRequestBody } from '../../support/request-bodies.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

/** An officer's create sent again after a lost answer: the Idempotency-Key header. */
describe('creating a tracing request with an Idempotency-Key', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;
  let officer: Session;

  beforeAll(async () => {
    app = await startApi();
    db = dataSourceOf(app);
    org = await makeOrganisation(db);
    officer = await loginAs(app, org.users.officer);
  });

  afterAll(async () => {
    await app.close();
  });

  const requestsOf = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM tracing_request WHERE organisation_id = $1`, [org.id]))[0].n as number;

  it('gives back the first request when the same create comes again, even at the same moment', async () => {
    const body = makeRequestBody();
    const key = randomUUID();
    const before = await requestsOf();
    const first = await officer.post('/v1/tracing-requests', body).set('Idempotency-Key', key).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await officer.post('/v1/tracing-requests', body).set('Idempotency-Key', key).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await requestsOf()).toBe(before + 1);

    // Two retries racing each other: one request between them.
    const raced = randomUUID();
    const answers = await Promise.all(
      [1, 2, 3].map(() => officer.post('/v1/tracing-requests', makeRequestBody({ circumstances: 'raced' })).set('Idempotency-Key', raced)),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(2);
    expect(await requestsOf()).toBe(before + 2);
  });

  it('creates anew without a key, and for another officer using the same key', async () => {
    const body = makeRequestBody();
    const before = await requestsOf();
    await officer.post('/v1/tracing-requests', body).expect(201);
    await officer.post('/v1/tracing-requests', body).expect(201);
    const key = randomUUID();
    const other = await makeOrganisation(db);
    const otherOfficer = await loginAs(app, other.users.officer);
    const mine = await officer.post('/v1/tracing-requests', body).set('Idempotency-Key', key).expect(201);
    const theirs = await otherOfficer.post('/v1/tracing-requests', body).set('Idempotency-Key', key).expect(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(await requestsOf()).toBe(before + 3);
  });

  it('refuses a key reused with another body (409) and a malformed key (400), writing nothing', async () => {
    const key = randomUUID();
    await officer.post('/v1/tracing-requests', makeRequestBody()).set('Idempotency-Key', key).expect(201);
    const before = await countDomainRows(db);
    const reused = await officer
      .post('/v1/tracing-requests', makeRequestBody({ circumstances: 'another family' }))
      .set('Idempotency-Key', key)
      .expect(409);
    expect(reused.body.message).toMatch(/Idempotency-Key/);
    for (const bad of ['short', 'x'.repeat(101), 'has space in it', 'semi;colon-key']) {
      const refused = await officer.post('/v1/tracing-requests', makeRequestBody()).set('Idempotency-Key', bad).expect(400);
      expect(JSON.stringify(refused.body)).toContain('Idempotency-Key');
      expect(JSON.stringify(refused.body)).not.toContain(bad);
    }
    expect(await countDomainRows(db)).toEqual(before);
  });
});
