import { createHash } from 'node:crypto';

/** The matching queue's names, payloads and job ids. Payloads carry ids and versions only, never personal data. */
export const MATCHING_QUEUE = 'matching';

export enum MatchingJobName {
  MatchPerson = 'match-person',
  MatchChunk = 'match-chunk',
  ProposeOthers = 'propose-others',
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

const positive = (n: unknown): boolean => Number.isInteger(n) && (n as number) > 0;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Checks a payload read back from Redis before anything acts on it. */
export function isMatchPersonJob(data: unknown): data is MatchPersonJob {
  if (typeof data !== 'object' || data === null) return false;
  const { personId, personVersion, matcherVersion, ...rest } = data as Record<string, unknown>;
  return (
    Object.keys(rest).length === 0 &&
    typeof personId === 'string' &&
    UUID.test(personId) &&
    positive(personVersion) &&
    positive(matcherVersion)
  );
}

/**
 * Many records matched in one job: a bulk re-score (a new matcher version, the reconciler's
 * hand-back) shares the reading and scoring of candidates across them (decision 0031). Ids and
 * versions only, as for one record.
 */
export interface MatchChunkJob {
  people: { personId: string; personVersion: number }[];
  matcherVersion: number;
}

/** At most this many records in one chunk job: its locks are held while it writes them all. */
export const MATCH_CHUNK_MAX = 200;

/** How many records a bulk hand-off puts in one chunk job (decision 0031 measured 100 against 25 and 200). */
export const MATCH_CHUNK_RECORDS = 100;

/** One job per set of person versions and matcher version: the same chunk enqueued twice is a no-op in BullMQ. */
export function matchChunkJobId(job: MatchChunkJob): string {
  const people = job.people.map((p) => `${p.personId}.v${p.personVersion}`).sort();
  const digest = createHash('sha256').update(people.join(',')).digest('base64url').slice(0, 22);
  return `${MatchingJobName.MatchChunk}.${digest}.n${people.length}.m${job.matcherVersion}`;
}

/** Checks a chunk payload read back from Redis: ids and versions only, each person once, not too many. */
export function isMatchChunkJob(data: unknown): data is MatchChunkJob {
  if (typeof data !== 'object' || data === null) return false;
  const { people, matcherVersion, ...rest } = data as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || !positive(matcherVersion)) return false;
  if (!Array.isArray(people) || people.length === 0 || people.length > MATCH_CHUNK_MAX) return false;
  const ids = new Set<string>();
  for (const person of people as unknown[]) {
    if (typeof person !== 'object' || person === null) return false;
    const { personId, personVersion, ...more } = person as Record<string, unknown>;
    if (Object.keys(more).length > 0 || typeof personId !== 'string' || !UUID.test(personId) || !positive(personVersion)) return false;
    if (ids.has(personId)) return false;
    ids.add(personId);
  }
  return true;
}

/**
 * The other sides of a match job's proposals: sought people of other requests whose status may
 * move to possible_match. A job of their own (decision 0033), so a record's match job ends at its
 * own writes and never locks another request. Ids only.
 */
export interface ProposeOthersJob {
  personIds: string[];
}

/** At most this many people in one job; a chunk with more proposals writes several. */
export const PROPOSE_OTHERS_MAX = 500;

/** One job per outbox row: a row relayed twice (a crash before it was marked) is one job. */
export function proposeOthersJobId(outboxId: string): string {
  return `${MatchingJobName.ProposeOthers}.o${outboxId}`;
}

/** Checks a propose-others payload read back from Redis: ids only, each once, not too many. */
export function isProposeOthersJob(data: unknown): data is ProposeOthersJob {
  if (typeof data !== 'object' || data === null) return false;
  const { personIds, ...rest } = data as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || !Array.isArray(personIds)) return false;
  if (personIds.length === 0 || personIds.length > PROPOSE_OTHERS_MAX) return false;
  if (!personIds.every((id) => typeof id === 'string' && UUID.test(id))) return false;
  return new Set(personIds).size === personIds.length;
}

export const MATCH_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  // Finished jobs are kept for a bounded time only: Redis holds queue state, not history.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
