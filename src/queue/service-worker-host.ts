import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { logQueueError } from './queue-errors.js';
import { connectedToRedis } from './redis-reachable.js';

const logger = new Logger('QueueWorker');

/**
 * What every BullMQ consumer of the service does besides its jobs: on shutdown it lets the jobs in
 * hand finish while the database is still open (Nest closes the database in a later hook), and its
 * worker's own errors reach the service's log, not the console (queue-errors.ts).
 */
export abstract class ServiceWorkerHost extends WorkerHost implements BeforeApplicationShutdown {
  async beforeApplicationShutdown(): Promise<void> {
    // A graceful close needs Redis: it waits for the jobs in hand to be marked done there, then
    // ioredis holds its QUIT until it can send it. With Redis away the process never stopped. It
    // closes by force then: the jobs in hand, left unfinished, are taken up again by a worker once
    // their locks lapse (stalled-job recovery), as after a crash; every job is idempotent.
    const force = !(await connectedToRedis(this.worker));
    if (force) logger.warn({ queue: this.worker.name }, 'Redis unreachable at shutdown: the worker stops without waiting for its jobs');
    await this.worker.close(force);
  }

  @OnWorkerEvent('error')
  onWorkerError(error: unknown): void {
    logQueueError(logger, this.worker.name, error, 'queue worker error; it carries on by itself');
  }
}
