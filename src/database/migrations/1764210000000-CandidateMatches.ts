import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Candidate matches (one row per unordered pair of person records and matcher version) and match
 * runs (one per person version and matcher version: what the reconciler looks for).
 */
export class CandidateMatches1764210000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE candidate_match (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        person_a_id uuid NOT NULL REFERENCES person_record(id) ON DELETE CASCADE,
        person_b_id uuid NOT NULL REFERENCES person_record(id) ON DELETE CASCADE,
        matcher_version integer NOT NULL CHECK (matcher_version > 0),
        score double precision NOT NULL CHECK (score >= 0 AND score <= 1),
        band text NOT NULL CHECK (band IN ('high', 'medium', 'low')),
        roles text NOT NULL CHECK (roles IN ('enquirer:enquirer', 'enquirer:sought', 'sought:sought')),
        evidence jsonb NOT NULL,
        review_status text NOT NULL DEFAULT 'pending' CHECK (review_status IN ('pending', 'confirmed', 'rejected', 'need_more_info', 'withdrawn')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (person_a_id < person_b_id),
        UNIQUE (person_a_id, person_b_id, matcher_version)
      )`);
    await q.query(`CREATE INDEX candidate_match_person_b ON candidate_match (person_b_id)`);
    await q.query(`CREATE INDEX candidate_match_queue ON candidate_match (organisation_id, review_status, band, created_at)`);
    await q.query(`
      CREATE TABLE match_run (
        person_id uuid NOT NULL REFERENCES person_record(id) ON DELETE CASCADE,
        person_version integer NOT NULL,
        matcher_version integer NOT NULL,
        candidates_scored integer NOT NULL,
        candidates_stored integer NOT NULL,
        duration_ms integer NOT NULL,
        finished_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_id, person_version, matcher_version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE match_run`);
    await q.query(`DROP TABLE candidate_match`);
  }
}
