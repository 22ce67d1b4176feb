import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { logQueueError } from './queue-errors.js';

const logger = new Logger('QueueWorker');

/**
 * What every BullMQ consumer of the service does besides its jobs: on shutdown it lets the jobs in
 * hand finish while the database is still open (Nest closes the database in a later hook), and its
 * worker's own errors reach the service's log, not the console (queue-errors.ts).
 */
export abstract class ServiceWorkerHost extends WorkerHost implements BeforeApplicationShutdown {
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  @OnWorkerEvent('error')
  onWorkerError(error: unknown): void {
    logQueueError(logger, this.worker.name, error, 'queue worker error; it carries on by itself');
  }
}
