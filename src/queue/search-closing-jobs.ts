/** The search-closing schedule's queue, job name and payload. The payload is empty: the job reads everything from Postgres. */
export const SEARCH_CLOSING_QUEUE = 'search-closing';

export enum SearchClosingJobName {
  CloseExpiredSearches = 'close-expired-searches',
}

/** One scheduler id for every worker: each worker's start-up upserts the same schedule, never a second one. */
export const SEARCH_CLOSING_SCHEDULER_ID = 'close-expired-searches';

export type CloseExpiredSearchesJob = Record<string, never>;

/** Checks a payload read back from Redis before anything acts on it. */
export function isCloseExpiredSearchesJob(data: unknown): data is CloseExpiredSearchesJob {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && Object.keys(data).length === 0;
}

export const CLOSE_EXPIRED_SEARCHES_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 200 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
