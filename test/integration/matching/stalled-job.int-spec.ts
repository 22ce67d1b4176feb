/**
 * A worker process killed in the middle of a match job: BullMQ's stalled-job check hands the job to
 * another worker once the dead one's lock expires, and the result is stored once.
 */
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { spawn } from 'node:child_process';
import type { DataSource } from 'typeorm';
import { MATCHING_QUEUE } from '../../../src/queue/matching-jobs.js';
import { makeOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { freePort } from '../../support/local-services.js';
import { startOwnBackends, type OwnBackends } from '../../support/own-backends.js';
import { makeRequestBody, uniqueName } from '../../support/request-bodies.js';
import { dataSourceOf, eventually, startApi, startWorker } from '../../support/test-app.js';

const LOCK_MS = '2000';

/** A Redis and a database of its own: no other suite's relay or worker touches its rows or jobs. */
describe('a worker killed mid-job', () => {
  let backends: OwnBackends;
  let api: NestExpressApplication;
  let worker: INestApplicationContext | undefined;
  let db: DataSource;
  let officer: Session;

  beforeAll(async () => {
    backends = await startOwnBackends('stalled');
    api = await startApi(backends.settings);
    db = dataSourceOf(api);
    officer = await loginAs(api, (await makeOrganisation(db)).users.officer);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await backends?.stop();
  });

  it('has its job taken up again by another worker, and the pair stored once', async () => {
    const family = uniqueName();
    const request = (names: { value: string; part: string; script: string }[]) =>
      makeRequestBody({ soughtPeople: [{ relationshipToEnquirer: 'parent', names, sex: 'female' }] });
    // The first request is matched by nobody yet: no worker runs.
    const a = (
      await officer.post('/v1/tracing-requests', request([{ value: `Fatima ${family}`, part: 'full', script: 'Latn' }])).expect(201)
    ).body;

    // Hold the request's row lock, so the worker's job stops inside its transaction.
    const blocker = db.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`SELECT id FROM tracing_request WHERE id = $1 FOR UPDATE`, [a.id]);

    const doomed = spawn(process.execPath, ['dist/worker.js'], {
      env: {
        ...process.env,
        ...backends.settings,
        METRICS_PORT: String(await freePort()),
        LOG_LEVEL: 'silent',
        MATCH_JOB_LOCK_MS: LOCK_MS,
      },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => doomed.once('exit', resolve));
    const queue = api.get<Queue>(getQueueToken(MATCHING_QUEUE));
    try {
      // The job is active, and its database session waits for the lock.
      await eventually(async () => (await queue.getJobCounts('active')).active >= 1, 30_000);
      await eventually(async () => (await db.query(`SELECT 1 FROM pg_locks WHERE NOT granted`)).length > 0, 30_000);
    } finally {
      doomed.kill('SIGKILL');
      await exited;
      await blocker.rollbackTransaction();
      await blocker.release();
    }

    // A sought person of another request matching the first: written while no worker lives.
    const b = (
      await officer.post('/v1/tracing-requests', request([{ value: `فاطمة ${family}`, part: 'full', script: 'Arab' }])).expect(201)
    ).body;
    worker = await startWorker({ ...backends.settings, MATCH_JOB_LOCK_MS: LOCK_MS });
    const pair = [a.soughtPeople[0].id, b.soughtPeople[0].id].sort();
    const runs = async (personId: string) =>
      (await db.query(`SELECT count(*)::int AS n FROM match_run WHERE person_id = $1`, [personId]))[0].n as number;
    await eventually(async () => (await runs(pair[0])) === 1 && (await runs(pair[1])) === 1, 30_000);
    const rows = await db.query(`SELECT count(*)::int AS n FROM candidate_match WHERE person_a_id = $1 AND person_b_id = $2`, pair);
    expect(rows[0].n).toBe(1);
    // The killed worker's job was recovered as stalled, not run twice to completion.
    const jobs = await queue.getJobs(['completed']);
    const recovered = jobs.filter((job) => job.data.personId === a.soughtPeople[0].id);
    expect(recovered).toHaveLength(1);
    expect(recovered[0].stalledCounter).toBeGreaterThanOrEqual(1);
  }, 90_000);
});
