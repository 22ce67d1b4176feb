import type { EntityManager } from 'typeorm';
import type { PairScore } from './engine/score-pair.js';
import { MATCHER_VERSION } from './engine/person-for-matching.js';

export interface ScoredCandidate {
  organisationId: string;
  personId: string;
  candidateId: string;
  result: PairScore;
}

/**
 * Idempotent upsert: one row per unordered pair and matcher version. A pair a reviewer has already
 * acted on keeps its decision; only pending rows take the new score.
 */
export async function upsertCandidate(manager: EntityManager, candidate: ScoredCandidate): Promise<void> {
  const [a, b] = [candidate.personId, candidate.candidateId].sort();
  await manager.query(
    `INSERT INTO candidate_match (organisation_id, person_a_id, person_b_id, matcher_version, score, band, roles, evidence)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (person_a_id, person_b_id, matcher_version) DO UPDATE
       SET score = EXCLUDED.score, band = EXCLUDED.band, roles = EXCLUDED.roles, evidence = EXCLUDED.evidence, updated_at = now()
       WHERE candidate_match.review_status = 'pending'`,
    [
      candidate.organisationId,
      a,
      b,
      MATCHER_VERSION,
      candidate.result.score,
      candidate.result.band,
      candidate.result.roles,
      JSON.stringify(candidate.result.evidence),
    ],
  );
}

export async function recordMatchRun(
  manager: EntityManager,
  run: { personId: string; personVersion: number; scored: number; stored: number; durationMs: number },
): Promise<void> {
  await manager.query(
    `INSERT INTO match_run (person_id, person_version, matcher_version, candidates_scored, candidates_stored, duration_ms)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (person_id, person_version, matcher_version) DO UPDATE
       SET candidates_scored = EXCLUDED.candidates_scored, candidates_stored = EXCLUDED.candidates_stored,
           duration_ms = EXCLUDED.duration_ms, finished_at = now()`,
    [run.personId, run.personVersion, MATCHER_VERSION, run.scored, run.stored, Math.round(run.durationMs)],
  );
}
