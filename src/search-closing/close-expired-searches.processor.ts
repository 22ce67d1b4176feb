import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { summariseError } from '../common/errors/error-summary.js';
import { JobMetrics } from '../metrics/job-metrics.js';
import { isCloseExpiredSearchesJob, SEARCH_CLOSING_QUEUE, SearchClosingJobName } from '../queue/search-closing-jobs.js';
import { SearchCloser } from './search-closer.js';
import { ServiceWorkerHost } from '../queue/service-worker-host.js';

/** Thin BullMQ consumer of the closing schedule: checks the payload, closes, logs a count. */
@Processor(SEARCH_CLOSING_QUEUE)
export class CloseExpiredSearchesProcessor extends ServiceWorkerHost {
  private readonly logger = new Logger(CloseExpiredSearchesProcessor.name);

  constructor(
    private readonly closer: SearchCloser,
    private readonly metrics: JobMetrics,
  ) {
    super();
  }

  async process(job: Job): Promise<number | 'rejected_payload'> {
    if (job.name !== SearchClosingJobName.CloseExpiredSearches || !isCloseExpiredSearchesJob(job.data)) {
      this.logger.error({ jobId: job.id }, 'job with an unknown name or payload shape; not retried');
      this.metrics.failed(job.name);
      return 'rejected_payload';
    }
    const stop = this.metrics.started(job.name);
    try {
      const closed = await this.closer.closeExpired();
      this.logger.log({ closed }, 'searches past their period closed as no match');
      return closed;
    } catch (error) {
      this.metrics.failed(job.name);
      const summary = summariseError(error);
      this.logger.error({ jobId: job.id, ...summary }, 'closing searches failed; will retry');
      // eslint-disable-next-line preserve-caught-error -- the cause's message is what must not reach Redis
      throw new Error(`closing searches failed: ${summary.errorType}${summary.code ? ` ${summary.code}` : ''}`);
    } finally {
      stop();
    }
  }
}
