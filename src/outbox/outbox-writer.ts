import type { EntityManager } from 'typeorm';
import { MATCHER_VERSION } from '../matching/engine/person-for-matching.js';
import { MatchingJobName, type MatchChunkJob, type MatchPersonJob } from '../queue/matching-jobs.js';
import { OutboxMessage } from './outbox-message.entity.js';

/**
 * Records a match hand-off inside the caller's transaction, for the current matcher; the relay
 * moves it to the queue after commit.
 */
export async function writeMatchPersonToOutbox(manager: EntityManager, job: Omit<MatchPersonJob, 'matcherVersion'>): Promise<void> {
  const payload: MatchPersonJob = { personId: job.personId, personVersion: job.personVersion, matcherVersion: MATCHER_VERSION };
  await manager.insert(OutboxMessage, { topic: MatchingJobName.MatchPerson, payload: { ...payload } });
}

/** Records a chunk of records to match in one job (a bulk re-score), like writeMatchPersonToOutbox. */
export async function writeMatchChunkToOutbox(manager: EntityManager, people: MatchChunkJob['people']): Promise<void> {
  const payload: MatchChunkJob = {
    people: people.map((p) => ({ personId: p.personId, personVersion: p.personVersion })),
    matcherVersion: MATCHER_VERSION,
  };
  await manager.insert(OutboxMessage, { topic: MatchingJobName.MatchChunk, payload: { ...payload } });
}
