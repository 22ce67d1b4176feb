/** The matching queue's names, payloads and job ids. Payloads carry ids and versions only, never personal data. */
export const MATCHING_QUEUE = 'matching';

export enum MatchingJobName {
  MatchPerson = 'match-person',
}

export interface MatchPersonJob {
  personId: string;
  personVersion: number;
  /** the matcher the job was queued for: a new matcher version re-matches the same person version */
  matcherVersion: number;
}

/** One job per person version and matcher version: enqueuing the same twice is a no-op in BullMQ. */
export function matchPersonJobId(job: MatchPersonJob): string {
  return `${MatchingJobName.MatchPerson}.${job.personId}.v${job.personVersion}.m${job.matcherVersion}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Checks a payload read back from Redis before anything acts on it. */
export function isMatchPersonJob(data: unknown): data is MatchPersonJob {
  if (typeof data !== 'object' || data === null) return false;
  const { personId, personVersion, matcherVersion, ...rest } = data as Record<string, unknown>;
  const positive = (n: unknown) => Number.isInteger(n) && (n as number) > 0;
  return (
    Object.keys(rest).length === 0 &&
    typeof personId === 'string' &&
    UUID.test(personId) &&
    positive(personVersion) &&
    positive(matcherVersion)
  );
}

export const MATCH_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  // Finished jobs are kept for a bounded time only: Redis holds queue state, not history.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
