/**
 * Bulk throughput: a fixed sample of stored records re-scored through the real BullMQ queue by the
 * running worker processes, from the first enqueue to the last match run written (both read on
 * the database's clock). Jobs go in as the service's bulk hand-off makes them – chunk jobs, with the
 * service's own job ids and options (addBulk; batching is allowed); finished jobs of earlier runs are cleaned first, because BullMQ ignores an add()
 * whose id it still holds – that is what makes this a forced re-score.
 */
import { Queue, QueueEvents } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { MATCHER_VERSION } from '../../matching/engine/person-for-matching.js';
import {
  MATCH_CHUNK_RECORDS,
  MATCH_JOB_OPTIONS,
  MATCHING_QUEUE,
  matchChunkJobId,
  MatchingJobName,
  type MatchChunkJob,
} from '../../queue/matching-jobs.js';
import { redisOptionsFromUrl } from '../../queue/redis-connection.js';
import { say } from './progress.js';

const ADD_CHUNK = 1000;
const STALL_MS = 180_000;

export function matchingQueue(redisUrl: string): Queue {
  return new Queue(MATCHING_QUEUE, { connection: redisOptionsFromUrl(redisUrl) });
}

/** Empties the benchmark's own queue, jobs of any state included (a run starts from nothing queued). */
export async function emptyQueue(redisUrl: string): Promise<void> {
  const queue = matchingQueue(redisUrl);
  try {
    await queue.obliterate({ force: true });
  } finally {
    await queue.close();
  }
}

/** Waits until no job is waiting, active or delayed. */
export async function waitForIdleQueue(queue: Queue, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (Object.values(counts).every((n) => n === 0)) return;
    if (Date.now() > deadline) throw new Error(`the queue did not drain: ${JSON.stringify(counts)}`);
    await sleep(200);
  }
}

export async function measureThroughput(options: {
  pool: pg.Pool;
  redisUrl: string;
  personIds: readonly string[];
}): Promise<{ throughputPerS: number; seconds: number; failedAttempts: number }> {
  const queue = matchingQueue(options.redisUrl);
  const events = new QueueEvents(MATCHING_QUEUE, { connection: redisOptionsFromUrl(options.redisUrl) });
  // A failed attempt with retries left is moved to "delayed" (backoff); the last one to "failed".
  let failedAttempts = 0;
  events.on('delayed', () => (failedAttempts += 1));
  events.on('failed', () => (failedAttempts += 1));
  try {
    await events.waitUntilReady();
    await waitForIdleQueue(queue);
    await queue.clean(0, 0, 'completed');
    await queue.clean(0, 0, 'failed');
    const [{ start }] = (await options.pool.query(`SELECT clock_timestamp() AS start`)).rows as Array<{ start: Date }>;
    // As the service's bulk hand-off does (hand-back.ts): chunk jobs of MATCH_CHUNK_RECORDS records.
    const jobs = [];
    for (let from = 0; from < options.personIds.length; from += MATCH_CHUNK_RECORDS) {
      const people = options.personIds.slice(from, from + MATCH_CHUNK_RECORDS).map((personId) => ({ personId, personVersion: 1 }));
      const data: MatchChunkJob = { people, matcherVersion: MATCHER_VERSION };
      jobs.push({ name: MatchingJobName.MatchChunk, data, opts: { ...MATCH_JOB_OPTIONS, jobId: matchChunkJobId(data) } });
    }
    for (let from = 0; from < jobs.length; from += ADD_CHUNK) await queue.addBulk(jobs.slice(from, from + ADD_CHUNK));
    say(`throughput: ${options.personIds.length} records queued in ${jobs.length} chunk jobs`);
    let done = 0;
    let last: Date | null = null;
    let progressAt = Date.now();
    while (done < options.personIds.length) {
      await sleep(250);
      const { rows } = await options.pool.query<{ done: number; last: Date | null }>(
        `SELECT count(*)::int AS done, max(finished_at) AS last FROM match_run
         WHERE finished_at >= $1 AND matcher_version = $3 AND person_id = ANY($2::uuid[])`,
        [start, options.personIds, MATCHER_VERSION],
      );
      if (rows[0].done > done) {
        if (Math.floor(rows[0].done / 2000) > Math.floor(done / 2000))
          say(`throughput: ${rows[0].done}/${options.personIds.length} re-scored`);
        progressAt = Date.now();
      }
      done = rows[0].done;
      last = rows[0].last;
      if (Date.now() - progressAt > STALL_MS)
        throw new Error(`re-scoring stalled at ${done}/${options.personIds.length} (failed attempts: ${failedAttempts})`);
    }
    const seconds = ((last as Date).getTime() - start.getTime()) / 1000;
    return { throughputPerS: options.personIds.length / seconds, seconds, failedAttempts };
  } finally {
    await events.close();
    await queue.close();
  }
}
