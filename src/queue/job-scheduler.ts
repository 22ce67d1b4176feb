import type { Logger } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { summariseError } from '../common/errors/error-summary.js';
import { logQueueErrors } from './queue-errors.js';

/**
 * Keeps a periodic job's schedule in Redis. Every worker upserts the same scheduler id at start-up,
 * so there is one schedule however many workers run, and BullMQ hands each run to one of them. Not
 * awaited by start-up: the worker's connection waits for Redis patiently.
 *
 * Redis holds queue state only and can come back empty (a lost volume, a restore of an older copy):
 * the schedule would then be gone until some worker restarts, and retention or search closing would
 * silently stop. So every `checkEveryMs` the worker looks for it and sets it again when it is
 * missing (found by the fault-injection run, decision 0020). Returns the function that stops the checks.
 */
export function keepSchedule(
  queue: Queue,
  schedule: { id: string; every: number; jobName: string; options: JobsOptions },
  logger: Logger,
  checkEveryMs: number,
): () => void {
  logQueueErrors(queue, logger, 'queue unavailable; its schedule is checked again');
  const upsert = () =>
    queue.upsertJobScheduler(schedule.id, { every: schedule.every }, { name: schedule.jobName, data: {}, opts: schedule.options });
  upsert().catch((error: unknown) => logger.warn(summariseError(error), `${schedule.id} schedule not set; the next check sets it`));

  let checking = false;
  const timer = setInterval(() => {
    // While Redis is away a check waits for it; never more than one at a time.
    if (checking) return;
    checking = true;
    queue
      .getJobScheduler(schedule.id)
      .then(async (existing) => {
        if (existing) return;
        await upsert();
        logger.warn({ scheduler: schedule.id }, 'schedule was missing from Redis; set again');
      })
      .catch((error: unknown) => logger.warn(summariseError(error), `${schedule.id} schedule not checked; the next check retries`))
      .finally(() => (checking = false));
  }, checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
