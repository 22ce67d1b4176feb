import type { EntityManager } from 'typeorm';
import { MatchingJobName, type MatchPersonJob } from '../queue/matching-jobs.js';
import { OutboxMessage } from './outbox-message.entity.js';

/** Records a match hand-off inside the caller's transaction; the relay moves it to the queue after commit. */
export async function writeMatchPersonToOutbox(manager: EntityManager, job: MatchPersonJob): Promise<void> {
  await manager.insert(OutboxMessage, {
    topic: MatchingJobName.MatchPerson,
    payload: { personId: job.personId, personVersion: job.personVersion },
  });
}
