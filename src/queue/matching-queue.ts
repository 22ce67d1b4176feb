import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  MATCH_JOB_OPTIONS,
  MATCHING_QUEUE,
  matchChunkJobId,
  MatchingJobName,
  matchPersonJobId,
  proposeOthersJobId,
  type MatchChunkJob,
  type MatchPersonJob,
  type ProposeOthersJob,
} from './matching-jobs.js';
import { logQueueErrors } from './queue-errors.js';

const ADD_TIMEOUT_MS = 3000;

/** Typed producer of the matching queue: callers never pass raw names or objects to `queue.add`. */
@Injectable()
export class MatchingQueue {
  private readonly logger = new Logger(MatchingQueue.name);

  constructor(@InjectQueue(MATCHING_QUEUE) private readonly queue: Queue) {
    logQueueErrors(queue, this.logger, 'matching queue unavailable');
  }

  /**
   * Adds the job. BullMQ ignores an add with the id of a job it still holds, finished ones included,
   * so a finished job of the same id (failed for good, or completed without leaving a match run, as
   * the hand-off from the reconciler shows) is removed first; a waiting or running one is left as it
   * is. Rejects when Redis does not answer in time.
   */
  async addMatchPerson(job: MatchPersonJob): Promise<void> {
    const payload: MatchPersonJob = { personId: job.personId, personVersion: job.personVersion, matcherVersion: job.matcherVersion };
    await this.addOnce(MatchingJobName.MatchPerson, payload, matchPersonJobId(payload));
  }

  /** addMatchPerson for a chunk of records (a bulk re-score), by the chunk's own job id. */
  async addMatchChunk(job: MatchChunkJob): Promise<void> {
    const payload: MatchChunkJob = {
      people: job.people.map((p) => ({ personId: p.personId, personVersion: p.personVersion })),
      matcherVersion: job.matcherVersion,
    };
    await this.addOnce(MatchingJobName.MatchChunk, payload, matchChunkJobId(payload));
  }

  /** The other sides of a match job's proposals, one job per outbox row. */
  async addProposeOthers(job: ProposeOthersJob, outboxId: string): Promise<void> {
    const payload: ProposeOthersJob = { personIds: [...job.personIds] };
    await this.addOnce(MatchingJobName.ProposeOthers, payload, proposeOthersJobId(outboxId));
  }

  private async addOnce(name: MatchingJobName, payload: MatchPersonJob | MatchChunkJob | ProposeOthersJob, jobId: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('queue did not answer in time')), ADD_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.replaceFinished(jobId).then(() => this.queue.add(name, payload, { ...MATCH_JOB_OPTIONS, jobId })), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async replaceFinished(jobId: string): Promise<void> {
    const existing = await this.queue.getJob(jobId);
    if (!existing) return;
    const state = await existing.getState();
    if (state === 'failed' || state === 'completed') await existing.remove();
  }

  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
  }

  /** Jobs waiting or running: what a bulk hand-off paces itself by. */
  async backlog(): Promise<number> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'prioritized', 'delayed');
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  }

  /** Age in seconds of the oldest waiting job, 0 when none waits. */
  async oldestWaitingAgeSeconds(now: number = Date.now()): Promise<number> {
    const [oldest] = await this.queue.getJobs(['waiting'], -1, -1, true);
    return oldest ? Math.max(0, (now - oldest.timestamp) / 1000) : 0;
  }

  /** A round trip to Redis through the queue's own connection. */
  async ping(): Promise<void> {
    await this.queue.getJobCounts('waiting');
  }
}
