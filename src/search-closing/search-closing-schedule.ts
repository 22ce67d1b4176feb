import { InjectQueue } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Environment } from '../config/environment.js';
import { keepSchedule } from '../queue/job-scheduler.js';
import {
  CLOSE_EXPIRED_SEARCHES_JOB_OPTIONS,
  SEARCH_CLOSING_QUEUE,
  SEARCH_CLOSING_SCHEDULER_ID,
  SearchClosingJobName,
} from '../queue/search-closing-jobs.js';

/**
 * Keeps the closing schedule in Redis. Every worker upserts the same scheduler id at start-up, so
 * there is one schedule however many workers run, and BullMQ hands each run to one of them.
 */
@Injectable()
export class SearchClosingSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SearchClosingSchedule.name);
  private stopChecks: (() => void) | undefined;

  constructor(
    @InjectQueue(SEARCH_CLOSING_QUEUE) private readonly queue: Queue,
    private readonly env: Environment,
  ) {}

  onApplicationBootstrap(): void {
    this.stopChecks = keepSchedule(
      this.queue,
      {
        id: SEARCH_CLOSING_SCHEDULER_ID,
        every: this.env.SEARCH_CLOSING_INTERVAL_MS,
        jobName: SearchClosingJobName.CloseExpiredSearches,
        options: CLOSE_EXPIRED_SEARCHES_JOB_OPTIONS,
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
