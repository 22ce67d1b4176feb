/**
 * Redis holds queue state only and may come back empty. The periodic jobs' schedules (search
 * closing, retention) live there too: a worker that keeps running must set them again, or they
 * stop until some worker restarts. Found by the fault-injection run (decision 0020).
 *
 * The worker runs on a database of its own: each schedule's first run is immediate and applies
 * every organisation's policy, and on the shared database, thousands of organisations by the time
 * this suite runs, the worker could not close before the hook's time was up.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { RETENTION_QUEUE, RETENTION_SCHEDULER_ID } from '../../../src/queue/retention-jobs.js';
import { SEARCH_CLOSING_QUEUE, SEARCH_CLOSING_SCHEDULER_ID } from '../../../src/queue/search-closing-jobs.js';
import { startOwnBackends, type OwnBackends } from '../../support/own-backends.js';
import { eventually, startWorker } from '../../support/test-app.js';

describe('periodic schedules after Redis lost its data', () => {
  let backends: OwnBackends;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    backends = await startOwnBackends('schedules');
    worker = await startWorker({ ...backends.settings, RECONCILE_INTERVAL_MS: '1000' });
  });

  afterAll(async () => {
    await worker?.close();
    await backends?.stop();
  });

  it('are set again by the running worker', async () => {
    const schedules: [Queue, string][] = [
      [worker.get<Queue>(getQueueToken(SEARCH_CLOSING_QUEUE)), SEARCH_CLOSING_SCHEDULER_ID],
      [worker.get<Queue>(getQueueToken(RETENTION_QUEUE)), RETENTION_SCHEDULER_ID],
    ];
    const allSet = async () => (await Promise.all(schedules.map(([queue, id]) => queue.getJobScheduler(id)))).every(Boolean);
    await eventually(allSet, 30_000);

    // Redis crashes and comes back on the same port from an empty data folder.
    await backends.redis.stop();
    await backends.redis.start({ empty: true });

    await eventually(allSet, 30_000);
  }, 90_000);
});
