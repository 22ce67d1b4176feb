import { InjectQueue, Processor } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { summariseError } from '../common/errors/error-summary.js';
import { Environment } from '../config/environment.js';
import { keepSchedule } from '../queue/job-scheduler.js';
import {
  APPLY_RETENTION_JOB_OPTIONS,
  isApplyRetentionJob,
  RETENTION_QUEUE,
  RETENTION_SCHEDULER_ID,
  RetentionJobName,
} from '../queue/retention-jobs.js';
import { RetentionRunner } from './retention-runner.js';
import { ServiceWorkerHost } from '../queue/service-worker-host.js';

/** Every worker upserts the same scheduler id at start-up: one schedule, whatever the number of workers. */
@Injectable()
export class RetentionSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RetentionSchedule.name);
  private stopChecks: (() => void) | undefined;

  constructor(
    @InjectQueue(RETENTION_QUEUE) private readonly queue: Queue,
    private readonly env: Environment,
  ) {}

  onApplicationBootstrap(): void {
    this.stopChecks = keepSchedule(
      this.queue,
      {
        id: RETENTION_SCHEDULER_ID,
        every: this.env.RETENTION_INTERVAL_MS,
        jobName: RetentionJobName.ApplyRetention,
        options: APPLY_RETENTION_JOB_OPTIONS,
      },
      this.logger,
      // Looked for as often as the reconciler looks for records Redis lost.
      this.env.RECONCILE_INTERVAL_MS,
    );
  }

  beforeApplicationShutdown(): void {
    this.stopChecks?.();
  }
}

/** Thin consumer: checks the payload and applies every organisation's policy. */
@Processor(RETENTION_QUEUE)
export class ApplyRetentionProcessor extends ServiceWorkerHost {
  private readonly logger = new Logger(ApplyRetentionProcessor.name);

  constructor(private readonly runner: RetentionRunner) {
    super();
  }

  async process(job: Job): Promise<number | 'rejected_payload'> {
    if (job.name !== RetentionJobName.ApplyRetention || !isApplyRetentionJob(job.data)) {
      this.logger.error({ jobId: job.id }, 'job with an unknown name or payload shape; not retried');
      return 'rejected_payload';
    }
    try {
      const erased = await this.runner.runAll();
      this.logger.log({ erased }, 'retention applied');
      return erased;
    } catch (error) {
      const summary = summariseError(error);
      this.logger.error({ jobId: job.id, ...summary }, 'retention failed; will retry');
      // eslint-disable-next-line preserve-caught-error -- the cause's message is what must not reach Redis
      throw new Error(`retention failed: ${summary.errorType}${summary.code ? ` ${summary.code}` : ''}`);
    }
  }
}
