/** The retention schedule's queue and job. The payload is empty: the job reads every policy from Postgres. */
export const RETENTION_QUEUE = 'retention';

export enum RetentionJobName {
  ApplyRetention = 'apply-retention',
}

/** One scheduler id for every worker, so there is one schedule however many workers run. */
export const RETENTION_SCHEDULER_ID = 'apply-retention';

export function isApplyRetentionJob(data: unknown): data is Record<string, never> {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && Object.keys(data).length === 0;
}

export const APPLY_RETENTION_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: { age: 30 * 24 * 3600, count: 100 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;
