import type { EntityManager } from 'typeorm';
import { recordNotifications } from './record-notification.js';
import { queryPrepared } from '../database/prepared-query.js';

/**
 * Announces candidates of one match job that wait for review: pending pairs of this matcher version
 * at or above the review threshold, each pair once ever. The ledger row is inserted in the job's
 * transaction; a concurrent job storing the same pair waits on it and then inserts nothing, and a
 * re-score, a redelivery or a new matcher version finds the pair already announced. Ledger rows go
 * in pair order, as candidate rows do, so two chunks of a bulk re-score cannot wait on each other.
 */
export async function announceCandidatesForReview(
  manager: EntityManager,
  job: { personId: string; candidateIds: readonly string[]; matcherVersion: number; reviewThreshold: number },
): Promise<number> {
  const pairs = job.candidateIds.map((candidateId) => ({ personId: job.personId, candidateId }));
  return announcePairsForReview(manager, { pairs, matcherVersion: job.matcherVersion, reviewThreshold: job.reviewThreshold });
}

/** announceCandidatesForReview for the pairs of several records at once (a chunk of a bulk re-score). */
export async function announcePairsForReview(
  manager: EntityManager,
  job: { pairs: readonly { personId: string; candidateId: string }[]; matcherVersion: number; reviewThreshold: number },
): Promise<number> {
  if (job.pairs.length === 0) return 0;
  const announced = await queryPrepared<{ id: string; organisationId: string; otherOrganisationId: string | null }>(
    manager,
    `WITH waiting AS (
       SELECT DISTINCT c.id, c.organisation_id, c.other_organisation_id, c.person_a_id, c.person_b_id
       FROM unnest($1::uuid[], $2::uuid[]) AS t(person, other)
       JOIN candidate_match c
         ON c.person_a_id = LEAST(t.person, t.other) AND c.person_b_id = GREATEST(t.person, t.other) AND c.matcher_version = $3
       WHERE c.review_status = 'pending' AND c.score >= $4
     ), noticed AS (
       INSERT INTO candidate_review_notice (person_a_id, person_b_id)
       SELECT person_a_id, person_b_id FROM waiting ORDER BY person_a_id, person_b_id
       ON CONFLICT DO NOTHING
       RETURNING person_a_id, person_b_id
     )
     SELECT w.id, w.organisation_id AS "organisationId", w.other_organisation_id AS "otherOrganisationId"
     FROM waiting w JOIN noticed n USING (person_a_id, person_b_id)
     ORDER BY w.id`,
    [job.pairs.map((p) => p.personId), job.pairs.map((p) => p.candidateId), job.matcherVersion, job.reviewThreshold],
  );
  // The candidate's organisation works its queue, and under a sharing agreement so does the other.
  await recordNotifications(
    manager,
    announced.flatMap((candidate) =>
      [candidate.organisationId, candidate.otherOrganisationId].flatMap((organisationId) =>
        organisationId === null
          ? []
          : [{ organisationId, type: 'candidate.waiting_for_review' as const, ids: { candidateMatchId: candidate.id } }],
      ),
    ),
  );
  return announced.length;
}
