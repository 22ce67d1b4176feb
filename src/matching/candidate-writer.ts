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
 * Idempotent upsert of one job's candidates in one statement: one row per unordered pair and
 * matcher version. A pair a reviewer has already acted on keeps its decision; only pending rows
 * take the new score. The pairs of one call must be distinct (a job scores each candidate once).
 */
export async function upsertCandidates(manager: EntityManager, candidates: readonly ScoredCandidate[]): Promise<void> {
  if (candidates.length === 0) return;
  const columns = {
    organisationId: [] as string[],
    a: [] as string[],
    b: [] as string[],
    score: [] as number[],
    band: [] as string[],
    roles: [] as string[],
    evidence: [] as string[],
  };
  for (const candidate of candidates) {
    const [a, b] = [candidate.personId, candidate.candidateId].sort();
    columns.organisationId.push(candidate.organisationId);
    columns.a.push(a);
    columns.b.push(b);
    columns.score.push(candidate.result.score);
    columns.band.push(candidate.result.band);
    columns.roles.push(candidate.result.roles);
    columns.evidence.push(JSON.stringify(candidate.result.evidence));
  }
  // Arrays as parameters keep the statement the same whatever the number of rows.
  await manager.query(
    `INSERT INTO candidate_match (organisation_id, person_a_id, person_b_id, matcher_version, score, band, roles, evidence)
     SELECT o, a, b, $4, s, band, r, e::jsonb
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $5::float8[], $6::text[], $7::text[], $8::text[]) AS t(o, a, b, s, band, r, e)
     ON CONFLICT (person_a_id, person_b_id, matcher_version) DO UPDATE
       SET score = EXCLUDED.score, band = EXCLUDED.band, roles = EXCLUDED.roles, evidence = EXCLUDED.evidence, updated_at = now()
       WHERE candidate_match.review_status = 'pending'`,
    [columns.organisationId, columns.a, columns.b, MATCHER_VERSION, columns.score, columns.band, columns.roles, columns.evidence],
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
