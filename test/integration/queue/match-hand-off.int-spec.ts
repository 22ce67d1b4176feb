import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { MATCHER_VERSION } from '../../../src/matching/engine/person-for-matching.js';
import { MATCHING_QUEUE, matchPersonJobId } from '../../../src/queue/matching-jobs.js';
import { MatchingQueue } from '../../../src/queue/matching-queue.js';
import { OutboxRelay } from '../../../src/outbox/outbox-relay.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { freePort } from '../../support/local-services.js';
import { startOwnBackends, type OwnBackends } from '../../support/own-backends.js';
import { makeRequestBody, makeUniqueRequestBody } from '../../support/request-bodies.js';
import { dataSourceOf, eventually, startApi, startWorker } from '../../support/test-app.js';

/**
 * The suite runs on a Redis and a database of its own, so it can look at every job and stop Redis
 * at will: in the shared database, a relay of another suite's app that is still closing could take
 * the outbox row written while this Redis is down and queue it on its own Redis.
 */
describe('hand-off to the matching queue', () => {
  let backends: OwnBackends;
  let api: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;
  let officer: Session;

  beforeAll(async () => {
    backends = await startOwnBackends('hand_off');
    api = await startApi(backends.settings);
    db = dataSourceOf(api);
    org = await makeOrganisation(db);
    officer = await loginAs(api, org.users.officer);
  });

  afterAll(async () => {
    await api?.close();
    await backends?.stop();
  });

  const queueOf = (app: INestApplicationContext) => app.get<Queue>(getQueueToken(MATCHING_QUEUE));

  it('puts one job per person version on the queue, carrying ids and the version only', async () => {
    const body = makeRequestBody();
    const created = (await officer.post('/v1/tracing-requests', body).expect(201)).body;
    const queue = queueOf(api);
    const personIds = [created.enquirer.id, created.soughtPeople[0].id];
    const jobs = await eventually(async () => {
      const found = await Promise.all(
        personIds.map((id) => queue.getJob(matchPersonJobId({ personId: id, personVersion: 1, matcherVersion: MATCHER_VERSION }))),
      );
      return found.every(Boolean) ? found : undefined;
    });
    for (const job of jobs) {
      expect(Object.keys(job!.data).sort()).toEqual(['matcherVersion', 'personId', 'personVersion']);
      const serialised = JSON.stringify(job!.data) + JSON.stringify(job!.opts);
      for (const name of [...body.enquirer.names, ...body.soughtPeople[0].names]) expect(serialised).not.toContain(name.value);
      expect(serialised).not.toContain('1979');
      expect(serialised).not.toContain('حلب');
    }
  });

  it("has the request's jobs on the queue once the relay kicked by the write has settled", async () => {
    const created = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    await api.get(OutboxRelay).settled();
    const job = { personId: created.soughtPeople[0].id, personVersion: 1, matcherVersion: MATCHER_VERSION };
    expect((await queueOf(api).getJob(matchPersonJobId(job)))?.data).toEqual(job);
  });

  it('adds no second job when the same version is enqueued again', async () => {
    const created = (await officer.post('/v1/tracing-requests', makeRequestBody()).expect(201)).body;
    const queue = queueOf(api);
    const job = { personId: created.soughtPeople[0].id, personVersion: 1, matcherVersion: MATCHER_VERSION };
    await eventually(() => queue.getJob(matchPersonJobId(job)));
    // Count this person's jobs only: the enquirer, and the earlier tests' people, have jobs too.
    const jobsOfPerson = async () =>
      (await queue.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized'])).filter(
        (j) => j.data.personId === job.personId,
      ).length;
    expect(await jobsOfPerson()).toBe(1);
    await api.get(MatchingQueue).addMatchPerson(job);
    await api.get(MatchingQueue).addMatchPerson(job);
    expect(await jobsOfPerson()).toBe(1);
  });

  it('moves the request to searching once the worker has taken it, and records each transition', async () => {
    const created = (await officer.post('/v1/tracing-requests', makeUniqueRequestBody()).expect(201)).body;
    const metricsPort = await freePort();
    const worker = await startWorker({ ...backends.settings, METRICS_PORT: String(metricsPort) });
    try {
      const read = await eventually(async () => {
        const response = await officer.get(`/v1/tracing-requests/${created.id}`).expect(200);
        return response.body.status === 'searching' ? response.body : undefined;
      });
      expect(read.soughtPeople[0].status).toBe('searching');
      const history = (await officer.get(`/v1/tracing-requests/${created.id}/history`).expect(200)).body;
      expect(
        history.map((h: { fromStatus?: string; toStatus: string; personId?: string }) => [
          h.personId ? 'person' : 'request',
          h.fromStatus ?? null,
          h.toStatus,
        ]),
      ).toEqual([
        ['request', null, 'submitted'],
        ['person', null, 'submitted'],
        ['person', 'submitted', 'searching'],
        ['request', 'submitted', 'searching'],
      ]);
      // the worker's own loopback port: health, and job durations for Prometheus
      expect((await fetch(`http://127.0.0.1:${metricsPort}/health`)).status).toBe(200);
      const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      expect(metrics).toMatch(/job_duration_seconds_count\{[^}]*job="match-person"[^}]*\} [1-9]/);
      expect(metrics).toContain('job_failures_total');
    } finally {
      await worker.close();
    }
  });

  it('accepts a request while Redis is down, queues it once Redis is back, and a worker matches it', async () => {
    await backends.redis.stop();
    const created = (await officer.post('/v1/tracing-requests', makeUniqueRequestBody()).expect(201)).body;
    const job = { personId: created.soughtPeople[0].id, personVersion: 1, matcherVersion: MATCHER_VERSION };
    const outboxRow = async () =>
      (await db.query(`SELECT dispatched_at AS "dispatchedAt" FROM outbox_message WHERE payload->>'personId' = $1`, [job.personId]))[0] as {
        dispatchedAt: Date | null;
      };
    expect((await outboxRow()).dispatchedAt).toBeNull();
    // The relay kicked by the write tried, failed and counted the attempt on the first pending row
    // (a batch stops at its first failure); every row stays pending.
    const failedAttempts = async () =>
      (await db.query(`SELECT coalesce(sum(attempts), 0)::int AS n FROM outbox_message WHERE dispatched_at IS NULL`))[0].n as number;
    await eventually(async () => (await failedAttempts()) >= 1, 20_000, 'a failed relay attempt counted');
    expect((await outboxRow()).dispatchedAt).toBeNull();
    await request(api.getHttpServer()).get('/ready').expect(503);

    await backends.redis.start();
    // The API's own relay queues the job once its connection is back: no worker runs yet. Until
    // then the API's connection refuses commands, this look included.
    const queued = await eventually(
      () =>
        queueOf(api)
          .getJob(matchPersonJobId(job))
          .catch(() => undefined),
      30_000,
      "the job on the API's queue",
    );
    expect(queued.data).toEqual(job);
    expect((await outboxRow()).dispatchedAt).not.toBeNull();

    const worker = await startWorker(backends.settings);
    try {
      await eventually(
        async () => (await officer.get(`/v1/tracing-requests/${created.id}`).expect(200)).body.status === 'searching',
        30_000,
        'the request searching once a worker took the job',
      );
    } catch (error) {
      // Say where the job got to: waiting behind others, retrying after failures, or done.
      const state = await queued.getState();
      const { attemptsMade, failedReason } = (await queueOf(api).getJob(matchPersonJobId(job))) ?? queued;
      throw new Error(`${(error as Error).message}; the job is ${state} after ${attemptsMade} attempts (${failedReason ?? 'no failure'})`, {
        cause: error,
      });
    } finally {
      await worker.close();
    }
  });
});
