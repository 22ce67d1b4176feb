import type { EntityManager } from 'typeorm';
import type { PairScore } from './engine/score-pair.js';
import { MATCHER_VERSION } from './engine/person-for-matching.js';
import { queryPrepared } from '../database/prepared-query.js';

export interface ScoredPairRow {
  organisationId: string;
  personId: string;
  /** the versions of both records as they were scored */
  personVersion: number;
  candidateId: string;
  candidateVersion: number;
  result: PairScore;
}

/** The row a job about `subject` writes for one candidate it scored, with both versions as read. */
export function scoredRow(
  subject: { id: string; version: number; organisationId: string },
  candidate: { id: string; version: number },
  result: PairScore,
): ScoredPairRow {
  return {
    organisationId: subject.organisationId,
    personId: subject.id,
    personVersion: subject.version,
    candidateId: candidate.id,
    candidateVersion: candidate.version,
    result,
  };
}

/** A pair the upsert left open for review, with the score it now has. */
export interface OpenCandidate {
  personAId: string;
  personBId: string;
  score: number;
}

/**
 * Idempotent upsert of one job's candidates in one statement: one row per unordered pair and
 * matcher version, stamped with the versions of both records it scored and, for a pair across a
 * sharing agreement, the second organisation (so that each side's queue finds it).
 *
 * A pair is written only while both records are still at the versions it was scored at, and both
 * requests are still open. A record edited since it was read has a job of its own for its new
 * version, which scores the pair again: written here, the old score would stand under the new
 * version (and replace that job's, had it committed first). A request withdrawn or closed since
 * (withdrawFromMatching) keeps its pairs withdrawn: written here, they would be pending again.
 *
 * A reviewer's decision binds the pair at those record versions, whatever the matcher version: a
 * pair decided at the records' current versions is not written again (a re-match or a new matcher
 * proposes nothing), while an edit of either record (a new version) may bring a rejected pair back
 * as pending. A confirmed row is never reopened. An open row keeps its review status and takes the
 * new score; its version moves only when a record changed, so a reviewer's claim survives a re-run.
 * Returns the pairs left open. The pairs of one call must be distinct (a job scores each candidate once).
 */
export async function upsertCandidates(manager: EntityManager, candidates: readonly ScoredPairRow[]): Promise<OpenCandidate[]> {
  if (candidates.length === 0) return [];
  const columns = {
    organisationId: [] as string[],
    a: [] as string[],
    b: [] as string[],
    versionA: [] as number[],
    versionB: [] as number[],
    score: [] as number[],
    band: [] as string[],
    roles: [] as string[],
    evidence: [] as string[],
  };
  // In pair order, the order every writer takes the rows' locks in: two chunks of a bulk re-score
  // that share pairs deadlocked when each wrote them in its own order.
  const ordered = candidates
    .map((candidate) => {
      const person = { id: candidate.personId, version: candidate.personVersion };
      const other = { id: candidate.candidateId, version: candidate.candidateVersion };
      return { candidate, pair: compare(person.id, other.id) < 0 ? [person, other] : [other, person] };
    })
    .sort((x, y) => compare(x.pair[0].id, y.pair[0].id) || compare(x.pair[1].id, y.pair[1].id));
  for (const { candidate, pair } of ordered) {
    const [a, b] = pair;
    columns.organisationId.push(candidate.organisationId);
    columns.a.push(a.id);
    columns.b.push(b.id);
    columns.versionA.push(a.version);
    columns.versionB.push(b.version);
    columns.score.push(candidate.result.score);
    columns.band.push(candidate.result.band);
    columns.roles.push(candidate.result.roles);
    columns.evidence.push(JSON.stringify(candidate.result.evidence));
  }
  // Arrays as parameters keep the statement the same whatever the number of rows.
  // One statement, one round trip: the upsert, then (in a data-modifying CTE) an older matcher's
  // untouched proposal for the same pair leaves the queue, so the reviewer sees the newest.
  const open = await queryPrepared<OpenCandidate>(
    manager,
    `WITH upserted AS (
     INSERT INTO candidate_match
       (organisation_id, other_organisation_id, person_a_id, person_b_id, matcher_version, score, band, roles, evidence,
        person_a_version, person_b_version)
     SELECT t.o, CASE WHEN pa.organisation_id <> t.o THEN pa.organisation_id WHEN pb.organisation_id <> t.o THEN pb.organisation_id END,
            t.a, t.b, $4, t.s, t.band, t.r, t.e::jsonb, pa.version, pb.version
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $5::float8[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[])
          WITH ORDINALITY AS t(o, a, b, s, band, r, e, va, vb, n)
     JOIN person_record pa ON pa.id = t.a AND pa.version = t.va
     JOIN person_record pb ON pb.id = t.b AND pb.version = t.vb
     JOIN tracing_request ra ON ra.id = pa.request_id AND ra.lifecycle = 'open'
     JOIN tracing_request rb ON rb.id = pb.request_id AND rb.lifecycle = 'open'
     WHERE NOT EXISTS (
       SELECT 1 FROM pair_decision d
       WHERE d.person_a_id = t.a AND d.person_b_id = t.b AND d.person_a_version = pa.version AND d.person_b_version = pb.version)
     ORDER BY t.n
     ON CONFLICT (person_a_id, person_b_id, matcher_version) DO UPDATE
       SET score = EXCLUDED.score, band = EXCLUDED.band, roles = EXCLUDED.roles, evidence = EXCLUDED.evidence,
           review_status = CASE WHEN candidate_match.review_status IN ('rejected', 'withdrawn') THEN 'pending'
                                ELSE candidate_match.review_status END,
           version = candidate_match.version
             + CASE WHEN candidate_match.review_status IN ('rejected', 'withdrawn')
                      OR (candidate_match.person_a_version, candidate_match.person_b_version)
                         IS DISTINCT FROM (EXCLUDED.person_a_version, EXCLUDED.person_b_version)
                    THEN 1 ELSE 0 END,
           person_a_version = EXCLUDED.person_a_version, person_b_version = EXCLUDED.person_b_version, updated_at = now()
       WHERE candidate_match.review_status <> 'confirmed'
     RETURNING person_a_id, person_b_id, score
     ), superseded AS (
       UPDATE candidate_match c SET review_status = 'withdrawn', updated_at = now()
       FROM upserted u
       WHERE c.person_a_id = u.person_a_id AND c.person_b_id = u.person_b_id AND c.matcher_version < $4 AND c.review_status = 'pending'
     )
     SELECT person_a_id AS "personAId", person_b_id AS "personBId", score FROM upserted`,
    [
      columns.organisationId,
      columns.a,
      columns.b,
      MATCHER_VERSION,
      columns.score,
      columns.band,
      columns.roles,
      columns.evidence,
      columns.versionA,
      columns.versionB,
    ],
  );
  return open;
}

export interface MatchRun {
  personId: string;
  personVersion: number;
  scored: number;
  stored: number;
  durationMs: number;
}

/** Orders uuids as PostgreSQL's uuid type does (byte order, which lowercase hex text shares). */
const compare = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** The runs of one job's records (one, or a chunk's) in one statement. */
export async function recordMatchRuns(manager: EntityManager, runs: readonly MatchRun[]): Promise<void> {
  if (runs.length === 0) return;
  await queryPrepared(
    manager,
    `INSERT INTO match_run (person_id, person_version, matcher_version, candidates_scored, candidates_stored, duration_ms)
     SELECT t.person_id, t.person_version, $3, t.scored, t.stored, t.duration_ms
     FROM unnest($1::uuid[], $2::int[], $4::int[], $5::int[], $6::int[]) AS t(person_id, person_version, scored, stored, duration_ms)
     ON CONFLICT (person_id, person_version, matcher_version) DO UPDATE
       SET candidates_scored = EXCLUDED.candidates_scored, candidates_stored = EXCLUDED.candidates_stored,
           duration_ms = EXCLUDED.duration_ms, finished_at = now()`,
    [
      runs.map((r) => r.personId),
      runs.map((r) => r.personVersion),
      MATCHER_VERSION,
      runs.map((r) => r.scored),
      runs.map((r) => r.stored),
      runs.map((r) => Math.round(r.durationMs)),
    ],
  );
}
