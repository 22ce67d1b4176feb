import type { Logger } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { summariseError } from '../common/errors/error-summary.js';

/**
 * Keeps a periodic job's schedule in Redis. Every worker upserts the same scheduler id at start-up,
 * so there is one schedule however many workers run, and BullMQ hands each run to one of them. Not
 * awaited by start-up: the worker's connection waits for Redis patiently; the next start sets a
 * schedule that could not be set now.
 */
export function keepSchedule(
  queue: Queue,
  schedule: { id: string; every: number; jobName: string; options: JobsOptions },
  logger: Logger,
): void {
  queue
    .upsertJobScheduler(schedule.id, { every: schedule.every }, { name: schedule.jobName, data: {}, opts: schedule.options })
    .catch((error: unknown) => logger.warn(summariseError(error), `${schedule.id} schedule not set; the next start sets it`));
}
