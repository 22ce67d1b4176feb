import { Processor } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { summariseError } from '../common/errors/error-summary.js';
import { Environment } from '../config/environment.js';
import { JobMetrics } from '../metrics/job-metrics.js';
import { isMatchChunkJob, isMatchPersonJob, isProposeOthersJob, MATCHING_QUEUE, MatchingJobName } from '../queue/matching-jobs.js';
import { MatchChunkService, type ChunkOutcome } from './match-chunk.service.js';
import { MatchingService, type MatchOutcome } from './matching.service.js';
import { ServiceWorkerHost } from '../queue/service-worker-host.js';

/**
 * Thin BullMQ consumer: checks the payload, calls the service (one record, a chunk, or the other
 * sides of a job's proposals), logs ids and the outcome only.
 */
@Processor(MATCHING_QUEUE)
export class MatchPersonProcessor extends ServiceWorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MatchPersonProcessor.name);

  constructor(
    private readonly matching: MatchingService,
    private readonly chunks: MatchChunkService,
    private readonly metrics: JobMetrics,
    private readonly env: Environment,
  ) {
    super();
  }

  /** The decorator's options are static; the configured concurrency is applied once the worker exists. */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.env.WORKER_CONCURRENCY;
  }

  async process(job: Job): Promise<MatchOutcome | ChunkOutcome | { moved: number } | 'rejected_payload'> {
    const isPerson = job.name === MatchingJobName.MatchPerson && isMatchPersonJob(job.data);
    const isChunk = job.name === MatchingJobName.MatchChunk && isMatchChunkJob(job.data);
    const isOthers = job.name === MatchingJobName.ProposeOthers && isProposeOthersJob(job.data);
    if (!isPerson && !isChunk && !isOthers) {
      this.logger.error({ jobId: job.id }, 'job with an unknown name or payload shape; not retried');
      this.metrics.failed(job.name);
      return 'rejected_payload';
    }
    const stop = this.metrics.started(job.name);
    try {
      if (isChunk) {
        const outcome = await this.chunks.matchChunk(job.data);
        this.logger.log({ jobId: job.id, ...outcome }, 'match chunk done');
        return outcome;
      }
      if (isOthers) {
        const moved = await this.matching.proposeOtherSides(job.data);
        this.logger.log({ jobId: job.id, people: job.data.personIds.length, moved }, 'other sides proposed');
        return { moved };
      }
      const outcome = await this.matching.matchPerson(job.data);
      this.logger.log({ personId: job.data.personId, personVersion: job.data.personVersion, outcome }, 'match job done');
      return outcome;
    } catch (error) {
      this.metrics.failed(job.name);
      // BullMQ stores a failed job's message in Redis: only the summary goes there and to the log.
      const summary = summariseError(error);
      this.logger.error({ jobId: job.id, ...summary }, 'match job failed; will retry');
      // eslint-disable-next-line preserve-caught-error -- the cause's message is what must not reach Redis
      throw new Error(`match job failed: ${summary.errorType}${summary.code ? ` ${summary.code}` : ''}`);
    } finally {
      stop();
    }
  }
}
