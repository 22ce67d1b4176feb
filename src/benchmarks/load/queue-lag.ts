/**
 * How far the matching behind the API falls behind under load: the match queue (waiting, active
 * and delayed jobs, age of the oldest waiting job) and the outbox (rows not yet handed to the
 * queue, age of the oldest), sampled during the run and after it until both are empty.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { MATCHING_QUEUE } from '../../queue/matching-jobs.js';
import { round } from '../support/stats.js';

export interface LagSample {
  /** seconds since the measured run began */
  atS: number;
  phase: 'during' | 'after';
  waiting: number;
  active: number;
  delayed: number;
  oldestWaitingAgeS: number;
  outboxBacklog: number;
  oldestOutboxAgeS: number;
}

export interface LagPeak {
  samples: number;
  maxWaiting: number;
  maxOldestWaitingAgeS: number;
  maxOutboxBacklog: number;
  maxOldestOutboxAgeS: number;
}

export interface LagSummary {
  during: LagPeak;
  after: LagPeak;
  /** seconds from the end of the run until queue and outbox were first seen empty; null if not within the drain limit */
  drainedAfterS: number | null;
}

const isEmpty = (s: LagSample) => s.waiting + s.active + s.delayed + s.outboxBacklog === 0;

function peak(samples: readonly LagSample[]): LagPeak {
  const max = (pick: (s: LagSample) => number) => samples.reduce((m, s) => Math.max(m, pick(s)), 0);
  return {
    samples: samples.length,
    maxWaiting: max((s) => s.waiting),
    maxOldestWaitingAgeS: max((s) => s.oldestWaitingAgeS),
    maxOutboxBacklog: max((s) => s.outboxBacklog),
    maxOldestOutboxAgeS: max((s) => s.oldestOutboxAgeS),
  };
}

/** Peaks during and after the run, and when the backlog was first seen empty after it. Pure. */
export function summariseLag(samples: readonly LagSample[], runEndS: number): LagSummary {
  const after = samples.filter((s) => s.phase === 'after');
  const drained = after.find(isEmpty);
  return {
    during: peak(samples.filter((s) => s.phase === 'during')),
    after: peak(after),
    drainedAfterS: drained ? round(Math.max(0, drained.atS - runEndS), 1) : null,
  };
}

export interface LagProbe {
  sample(phase: LagSample['phase'], atS: number): Promise<LagSample>;
  close(): Promise<void>;
}

export function openLagProbe(redisUrl: string, pool: pg.Pool): LagProbe {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(MATCHING_QUEUE, { connection });
  return {
    async sample(phase, atS) {
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
      // Both ends of the waiting list: which end is the oldest depends on how jobs were added.
      const ends = [...(await queue.getJobs(['waiting'], 0, 0, true)), ...(await queue.getJobs(['waiting'], 0, 0, false))];
      const oldest = ends.reduce((min, job) => Math.min(min, job?.timestamp ?? Infinity), Infinity);
      const outbox = await pool.query<{ n: number; age: number | null }>(
        `SELECT count(*)::int AS n, EXTRACT(EPOCH FROM now() - min(created_at))::float8 AS age FROM outbox_message WHERE dispatched_at IS NULL`,
      );
      return {
        atS: round(atS, 1),
        phase,
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        oldestWaitingAgeS: Number.isFinite(oldest) ? round(Math.max(0, Date.now() - oldest) / 1000, 1) : 0,
        outboxBacklog: outbox.rows[0].n,
        oldestOutboxAgeS: round(outbox.rows[0].age ?? 0, 1),
      };
    },
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}
