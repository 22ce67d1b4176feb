/**
 * An app stops while its Redis is away, or back but not yet reconnected: before, a worker's close
 * waited for Redis without end (ioredis held the QUIT of every queue and worker), and so did the
 * process. ServiceWorkerHost closes its worker by force then, and QueueShutdown disconnects the queues.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { startOwnBackends, type OwnBackends } from '../../support/own-backends.js';
import { startApi, startWorker } from '../../support/test-app.js';

/** What a close came to within a bound far above what it takes: a hang shows as 'still closing'. */
const closeOf = (app: INestApplicationContext) =>
  Promise.race([app.close().then(() => 'closed'), delay(30_000, 'still closing', { ref: false })]);

describe('an app stopping without its Redis', () => {
  let backends: OwnBackends;

  beforeAll(async () => {
    backends = await startOwnBackends('shutdown_no_redis');
  });

  afterAll(async () => {
    await backends?.stop();
  });

  it('stops, the worker and the API alike, while Redis is away', async () => {
    const worker = await startWorker(backends.settings);
    const api = await startApi(backends.settings);
    await backends.redis.stop();
    // The apps' connections find Redis gone and start reconnecting.
    await delay(2_000);
    try {
      expect(await closeOf(worker)).toBe('closed');
      expect(await closeOf(api)).toBe('closed');
    } finally {
      await backends.redis.start();
    }
  }, 90_000);

  it('stops right after Redis came back, before its connections are back', async () => {
    const worker = await startWorker(backends.settings);
    await backends.redis.stop();
    // Long enough for ioredis to wait a few seconds between attempts to reconnect.
    await delay(4_000);
    await backends.redis.start({ empty: true });
    expect(await closeOf(worker)).toBe('closed');
  }, 90_000);
});
