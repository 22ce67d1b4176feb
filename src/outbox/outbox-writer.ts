import type { EntityManager } from 'typeorm';
import { MATCHER_VERSION } from '../matching/engine/person-for-matching.js';
import {
  MatchingJobName,
  PROPOSE_OTHERS_MAX,
  type MatchChunkJob,
  type MatchPersonJob,
  type ProposeOthersJob,
} from '../queue/matching-jobs.js';
import { insertOutboxRows } from './outbox-rows.js';

/**
 * Records a match hand-off inside the caller's transaction, for the current matcher; the relay
 * moves it to the queue after commit.
 */
export async function writeMatchPersonToOutbox(manager: EntityManager, job: Omit<MatchPersonJob, 'matcherVersion'>): Promise<void> {
  const payload: MatchPersonJob = { personId: job.personId, personVersion: job.personVersion, matcherVersion: MATCHER_VERSION };
  await insertOutboxRows(manager, [{ topic: MatchingJobName.MatchPerson, payload }]);
}

/** Records a chunk of records to match in one job (a bulk re-score), like writeMatchPersonToOutbox. */
export async function writeMatchChunkToOutbox(manager: EntityManager, people: MatchChunkJob['people']): Promise<void> {
  const payload: MatchChunkJob = {
    people: people.map((p) => ({ personId: p.personId, personVersion: p.personVersion })),
    matcherVersion: MATCHER_VERSION,
  };
  await insertOutboxRows(manager, [{ topic: MatchingJobName.MatchChunk, payload }]);
}

/**
 * Records the other sides of a match job's proposals for a job of their own (decision 0033), in
 * rows of at most PROPOSE_OTHERS_MAX people; nothing when there are none.
 */
export async function writeProposeOthersToOutbox(manager: EntityManager, personIds: readonly string[]): Promise<void> {
  const unique = [...new Set(personIds)];
  const payloads: ProposeOthersJob[] = [];
  for (let start = 0; start < unique.length; start += PROPOSE_OTHERS_MAX) {
    payloads.push({ personIds: unique.slice(start, start + PROPOSE_OTHERS_MAX) });
  }
  if (payloads.length === 0) return;
  await insertOutboxRows(
    manager,
    payloads.map((payload) => ({ topic: MatchingJobName.ProposeOthers, payload })),
  );
}
