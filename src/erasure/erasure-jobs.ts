import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Environment } from '../config/environment.js';
import { MATCHER_VERSION } from '../matching/engine/person-for-matching.js';
import { MatchingJobName, matchPersonJobId, MATCHING_QUEUE } from '../queue/matching-jobs.js';
import { NOTIFICATION_QUEUE } from '../queue/notification-jobs.js';
import { redisOptionsFromUrl } from '../queue/redis-connection.js';
import type { ErasedIds } from './erase-rows.js';

/** Redis channel on which workers hear that they must drop what they remember of names. */
export const ERASURE_CHANNEL = 'rfl:erasure';

/**
 * The queue side of an erasure: match jobs of the erased people (any version, any matcher), chunk
 * and propose-others jobs whose payload lists one of them, and webhook deliveries that name an
 * erased id are removed, whatever their state but running (a running job finds the person gone and
 * stops), and the workers are told to empty their name memos.
 */
@Injectable()
export class ErasureJobs {
  constructor(
    @InjectQueue(MATCHING_QUEUE) private readonly matching: Queue,
    @InjectQueue(NOTIFICATION_QUEUE) private readonly notifications: Queue,
    private readonly env: Environment,
  ) {}

  async purge(erased: ErasedIds): Promise<void> {
    for (const [index, personId] of erased.personIds.entries()) {
      const lastVersion = erased.personVersions[index] ?? 1;
      for (let personVersion = 1; personVersion <= lastVersion; personVersion++) {
        for (let matcherVersion = 1; matcherVersion <= MATCHER_VERSION; matcherVersion++) {
          await this.removeUnlessActive(this.matching, matchPersonJobId({ personId, personVersion, matcherVersion }));
        }
      }
    }
    const ids = new Set([...erased.personIds, ...erased.candidateIds, erased.requestId]);
    // A single record's job is found by its id above; jobs of many records only by their payload.
    await this.removeJobsNaming(this.matching, ids, (name) => name !== MatchingJobName.MatchPerson);
    await this.removeJobsNaming(this.notifications, ids, () => true);
    // A connection of its own: erasures are rare, and a queue's client is BullMQ's.
    const redis = new Redis({ ...redisOptionsFromUrl(this.env.REDIS_URL), maxRetriesPerRequest: 1 });
    try {
      // The queues' event streams name jobs by id, and a match job's id holds the person's id.
      for (const queue of [this.matching, this.notifications]) await dropEventsNaming(redis, queue.keys.events, ids);
      await redis.publish(ERASURE_CHANNEL, 'forget');
    } finally {
      redis.disconnect();
    }
  }

  private async removeJobsNaming(queue: Queue, ids: ReadonlySet<string>, ofName: (name: string) => boolean): Promise<void> {
    const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized', 'failed', 'completed']);
    for (const job of jobs) {
      if (job.id && ofName(job.name) && [...ids].some((id) => JSON.stringify(job.data).includes(id)))
        await this.removeUnlessActive(queue, job.id);
    }
  }

  private async removeUnlessActive(queue: Queue, jobId: string): Promise<void> {
    const job = await queue.getJob(jobId);
    if (job && (await job.getState()) !== 'active') await job.remove();
  }
}

async function dropEventsNaming(redis: Redis, stream: string, ids: ReadonlySet<string>): Promise<void> {
  let start = '-';
  for (;;) {
    const entries = await redis.xrange(stream, start, '+', 'COUNT', 1000);
    const naming = entries.filter(([, fields]) => fields.some((field) => [...ids].some((id) => field.includes(id))));
    if (naming.length > 0) await redis.xdel(stream, ...naming.map(([entryId]) => entryId));
    if (entries.length < 1000) return;
    start = `(${entries[entries.length - 1][0]}`;
  }
}
