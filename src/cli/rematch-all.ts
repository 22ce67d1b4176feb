import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options.js';
import { countUnmatched, handBackWhileQueueKeepsUp } from '../matching/hand-back.js';
import { MATCHING_QUEUE } from '../queue/matching-jobs.js';
import { workerRedisOptions } from '../queue/redis-connection.js';

export interface RematchProgress {
  /** records still without a finished run of the current matcher */
  remaining: number;
  /** records that were waiting when the command started */
  total: number;
  handedBack: number;
  backlog: number;
  /** records matched per second since the start */
  perSecond: number;
}

export interface RematchOptions {
  databaseUrl: string;
  redisUrl: string;
  organisationId?: string;
  maxBacklog: number;
  intervalMs: number;
  /** gives up (and says how far it got) after this long; the workers go on with what was handed back */
  timeoutMs?: number;
  onProgress(progress: RematchProgress): void;
}

/**
 * Re-match-all after a matcher-version change: hands every record of an open request that has no
 * finished run of the current matcher back to the queue, in chunks paced by the queue's backlog, and
 * reports progress until none is left. Workers do the matching; intake jobs interleave with these.
 * Running it twice, or beside the workers' own reconciler, is harmless: job ids are idempotent.
 */
export async function rematchAll(options: RematchOptions): Promise<RematchProgress> {
  const dataSource = new DataSource(dataSourceOptions(options.databaseUrl));
  const queue = new Queue(MATCHING_QUEUE, { connection: workerRedisOptions(options.redisUrl) });
  const scope = { minAgeSeconds: 0, organisationId: options.organisationId };
  await dataSource.initialize();
  try {
    const started = Date.now();
    const total = await countUnmatched(dataSource, scope);
    let handedBack = 0;
    const backlog = async () =>
      Object.values(await queue.getJobCounts('waiting', 'active', 'prioritized', 'delayed')).reduce((a, b) => a + b, 0);
    for (;;) {
      const remaining = await countUnmatched(dataSource, scope);
      const elapsedS = Math.max(1, (Date.now() - started) / 1000);
      const progress = { remaining, total, handedBack, backlog: await backlog(), perSecond: Math.max(0, total - remaining) / elapsedS };
      options.onProgress(progress);
      if (remaining === 0 || (options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs)) return progress;
      handedBack += await handBackWhileQueueKeepsUp(dataSource, scope, { backlog, maxBacklog: options.maxBacklog });
      await sleep(options.intervalMs);
    }
  } finally {
    await queue.close();
    await dataSource.destroy();
  }
}
