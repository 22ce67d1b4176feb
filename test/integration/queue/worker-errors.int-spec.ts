/**
 * A worker's own errors – here, Redis going away under it – reach the service's structured log as
 * a type and a code, through the 'error' listeners of every queue consumer (ServiceWorkerHost) and
 * queue (queue-errors.ts), never the console; the worker carries on once Redis is back.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createPinoLogger, PinoNestLogger } from '../../../src/common/logging/logger.js';
import { MATCHER_VERSION } from '../../../src/matching/engine/person-for-matching.js';
import { MatchPersonProcessor } from '../../../src/matching/match-person.processor.js';
import { WebhookDeliveryProcessor } from '../../../src/notifications/webhook-delivery.processor.js';
import { ApplyRetentionProcessor } from '../../../src/retention/retention-schedule.js';
import { CloseExpiredSearchesProcessor } from '../../../src/search-closing/close-expired-searches.processor.js';
import { MATCHING_QUEUE, matchPersonJobId } from '../../../src/queue/matching-jobs.js';
import { MatchingQueue } from '../../../src/queue/matching-queue.js';
import type { ServiceWorkerHost } from '../../../src/queue/service-worker-host.js';
import { startOwnBackends, type OwnBackends } from '../../support/own-backends.js';
import { eventually, startWorker } from '../../support/test-app.js';

const CONSUMERS = [MatchPersonProcessor, WebhookDeliveryProcessor, ApplyRetentionProcessor, CloseExpiredSearchesProcessor];

describe('a queue worker’s own errors', () => {
  let backends: OwnBackends;
  let worker: INestApplicationContext | undefined;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    backends = await startOwnBackends('worker_errors');
    worker = await startWorker(backends.settings);
    // After the app is made: creating it with `logger: false` would replace this logger.
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    Logger.overrideLogger(new PinoNestLogger(createPinoLogger('warn', sink)));
  });

  afterAll(async () => {
    Logger.overrideLogger(false);
    await worker?.close();
    await backends?.stop();
  });

  it('are heard by every consumer and logged without their message', () => {
    for (const consumer of CONSUMERS) {
      const host = worker!.get<ServiceWorkerHost>(consumer);
      // BullMQ's emit returns false when no listener took the error (it then prints it to the console).
      expect(host.worker.emit('error', Object.assign(new Error('connect to 10.0.0.7 refused for Amina'), { code: 'ECONNREFUSED' }))).toBe(
        true,
      );
    }
    const logged = lines.filter((line) => line.context === 'QueueWorker');
    expect(logged.map((line) => line.queue).sort()).toEqual(CONSUMERS.map((c) => worker!.get<ServiceWorkerHost>(c).worker.name).sort());
    expect(logged.every((line) => line.errorType === 'Error' && line.code === 'ECONNREFUSED' && line.level === 40)).toBe(true);
    expect(JSON.stringify(logged)).not.toMatch(/Amina|10\.0\.0\.7/);
  });

  it('are logged, not printed, while Redis is away, and the worker takes jobs again once it is back', async () => {
    lines.length = 0;
    // BullMQ prints an error nobody listens for with console.error: nothing may reach it.
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await backends.redis.stop();
      await eventually(async () => lines.some((line) => line.context === 'QueueWorker'), 30_000, 'a queue worker error logged');
      await backends.redis.start();
      const queue = worker!.get(MatchingQueue);
      // A job about a record that does not exist: the worker answers it without writing anything.
      const job = { personId: randomUUID(), personVersion: 1, matcherVersion: MATCHER_VERSION };
      await eventually(
        () =>
          queue.addMatchPerson(job).then(
            () => true,
            () => false,
          ),
        30_000,
        'the job queued',
      );
      const queued = worker!.get<Queue>(getQueueToken(MATCHING_QUEUE));
      const done = await eventually(
        async () => {
          const found = await queued.getJob(matchPersonJobId(job));
          return (await found?.isCompleted()) ? found : undefined;
        },
        30_000,
        'the job done by the worker',
      );
      expect(done.returnvalue).toBe('gone');
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
    }
  }, 90_000);
});
