import { getQueueToken } from '@nestjs/bullmq';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { MATCHING_QUEUE } from '../../../src/queue/matching-jobs.js';
import { makeOrganisation } from '../../support/factories.js';
import { loginAs } from '../../support/http.js';
import { startOwnBackends, type OwnBackends } from '../../support/own-backends.js';
import { makeRequestBody } from '../../support/request-bodies.js';
import { dataSourceOf, eventually, startApi, startWorker } from '../../support/test-app.js';

/** A Redis and a database of its own: the queue then holds this test's two jobs and nothing else. */
describe('graceful shutdown of the worker', () => {
  let backends: OwnBackends;
  let api: NestExpressApplication;
  let db: DataSource;

  beforeAll(async () => {
    backends = await startOwnBackends('shutdown');
    api = await startApi(backends.settings);
    db = dataSourceOf(api);
  });

  afterAll(async () => {
    await api?.close();
    await backends?.stop();
  });

  it('finishes the job in hand before it stops', async () => {
    const officer = await loginAs(api, (await makeOrganisation(db)).users.officer);
    const created = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    const queue = api.get<Queue>(getQueueToken(MATCHING_QUEUE));
    await eventually(async () => (await queue.getWaitingCount()) === 2);

    // Hold the request's row so the worker's job blocks mid-way on its lock.
    const blocker = db.createQueryRunner();
    await blocker.startTransaction();
    await blocker.query(`SELECT id FROM tracing_request WHERE id = $1 FOR UPDATE`, [created.id]);

    const worker = await startWorker({ ...backends.settings, WORKER_CONCURRENCY: '1' });
    const [active] = await eventually(async () => {
      const jobs = await queue.getActive();
      return jobs.length === 1 ? jobs : undefined;
    });
    let closed = false;
    const closing = worker.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(closed).toBe(false);

    await blocker.commitTransaction();
    await blocker.release();
    await closing;
    expect(await queue.getJobState(active.id!)).toBe('completed');
    expect(await queue.getFailedCount()).toBe(0);
    // the other person's job waits for the next worker, untouched
    expect(await queue.getWaitingCount()).toBe(1);
  });
});

describe('graceful shutdown of the API', () => {
  it('answers the requests in hand before the database closes', async () => {
    const api = await startApi();
    await api.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(api.getHttpServer().address() as { port: number }).port}`;
    const db = dataSourceOf(api);
    const officer = (await makeOrganisation(db)).users.officer;
    const login = await fetch(`${base}/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: officer.email, password: officer.password }),
    });
    const headers = {
      Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`,
      'Content-Type': 'application/json',
    };
    const createdResponse = await fetch(`${base}/v1/tracing-requests`, {
      method: 'POST',
      headers,
      body: JSON.stringify(makeRequestBody()),
    });
    const created = (await createdResponse.json()) as { id: string; version: number };

    const blocker = db.createQueryRunner();
    await blocker.startTransaction();
    await blocker.query(`SELECT id FROM tracing_request WHERE id = $1 FOR UPDATE`, [created.id]);
    const inFlight = fetch(`${base}/v1/tracing-requests/${created.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ version: created.version, circumstances: 'updated during shutdown (test)' }),
    });
    await eventually(async () => {
      const [{ waiting }] = await blocker.query(`SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted`);
      return waiting > 0;
    });
    let closed = false;
    const closing = api.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(closed).toBe(false);

    await blocker.commitTransaction();
    await blocker.release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { version: number }).version).toBe(created.version + 1);
    await closing;
  });
});
