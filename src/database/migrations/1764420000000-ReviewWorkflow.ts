import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// Repeated here on purpose: a migration keeps meaning what it meant when it ran.
const REVIEW_STATUSES = ['pending', 'need_more_info', 'awaiting_second_review', 'confirmed', 'rejected', 'withdrawn'];
const DECISIONS = ['confirm', 'reject', 'need_more_info'];
const FOLLOW_UP_FORMS = ['birth_details', 'other_names_used', 'family_members', 'last_contact', 'places_lived'];

/**
 * The reviewer's side: claims (a lease on a candidate), decisions, what a decision binds (the pair at
 * the records' versions, whatever the matcher version), links between requests, and follow-up
 * questions for the officer.
 */
export class ReviewWorkflow1764420000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE candidate_match DROP CONSTRAINT candidate_match_review_status_check`);
    await q.query(
      `ALTER TABLE candidate_match ADD CONSTRAINT candidate_match_review_status_check CHECK (review_status IN (${list(REVIEW_STATUSES)}))`,
    );
    await q.query(`
      ALTER TABLE candidate_match
        ADD COLUMN claimed_by uuid REFERENCES app_user(id),
        ADD COLUMN claim_expires_at timestamptz,
        ADD COLUMN person_a_version integer,
        ADD COLUMN person_b_version integer,
        ADD COLUMN band_rank smallint GENERATED ALWAYS AS (CASE band WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END) STORED,
        ADD CONSTRAINT candidate_match_claim_whole CHECK ((claimed_by IS NULL) = (claim_expires_at IS NULL))`);
    await q.query(`
      UPDATE candidate_match c SET person_a_version = a.version, person_b_version = b.version
      FROM person_record a, person_record b WHERE a.id = c.person_a_id AND b.id = c.person_b_id`);
    await q.query(`ALTER TABLE candidate_match ALTER COLUMN person_a_version SET NOT NULL, ALTER COLUMN person_b_version SET NOT NULL`);
    // The queue reads open candidates of an organisation, best band first, oldest first.
    await q.query(`DROP INDEX candidate_match_queue`);
    await q.query(`
      CREATE INDEX candidate_match_queue ON candidate_match (organisation_id, band_rank, created_at, id)
      WHERE review_status IN ('pending', 'need_more_info', 'awaiting_second_review')`);

    await q.query(`
      CREATE TABLE review_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidate_match(id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES app_user(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        decision text NOT NULL CHECK (decision IN (${list(DECISIONS)})),
        reason_code text NOT NULL CHECK (reason_code ~ '^[a-z_]{1,60}$'),
        note text CHECK (length(note) <= 2000),
        candidate_version integer NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX review_decision_candidate ON review_decision (candidate_id, decided_at)`);

    await q.query(`
      CREATE TABLE pair_decision (
        person_a_id uuid NOT NULL REFERENCES person_record(id) ON DELETE CASCADE,
        person_b_id uuid NOT NULL REFERENCES person_record(id) ON DELETE CASCADE,
        person_a_version integer NOT NULL,
        person_b_version integer NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('confirmed', 'rejected')),
        candidate_id uuid REFERENCES candidate_match(id) ON DELETE SET NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_a_id, person_b_id),
        CHECK (person_a_id < person_b_id)
      )`);
    await q.query(`CREATE INDEX pair_decision_person_b ON pair_decision (person_b_id)`);

    await q.query(`
      CREATE TABLE request_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_a_id uuid NOT NULL REFERENCES tracing_request(id) ON DELETE CASCADE,
        request_b_id uuid NOT NULL REFERENCES tracing_request(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('related', 'duplicate')),
        candidate_id uuid REFERENCES candidate_match(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (request_a_id < request_b_id),
        UNIQUE (request_a_id, request_b_id, kind)
      )`);
    await q.query(`CREATE INDEX request_link_b ON request_link (request_b_id)`);

    await q.query(`
      CREATE TABLE follow_up_question (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES tracing_request(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person_record(id) ON DELETE CASCADE,
        candidate_id uuid REFERENCES candidate_match(id) ON DELETE SET NULL,
        form text NOT NULL CHECK (form IN (${list(FOLLOW_UP_FORMS)})),
        asked_by uuid NOT NULL REFERENCES app_user(id),
        asked_at timestamptz NOT NULL DEFAULT now(),
        answered_by uuid REFERENCES app_user(id),
        answered_at timestamptz,
        CHECK ((answered_by IS NULL) = (answered_at IS NULL))
      )`);
    await q.query(`CREATE INDEX follow_up_question_request ON follow_up_question (request_id, asked_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE follow_up_question`);
    await q.query(`DROP TABLE request_link`);
    await q.query(`DROP TABLE pair_decision`);
    await q.query(`DROP TABLE review_decision`);
    await q.query(`DROP INDEX candidate_match_queue`);
    await q.query(`CREATE INDEX candidate_match_queue ON candidate_match (organisation_id, review_status, band, created_at)`);
    await q.query(`
      ALTER TABLE candidate_match
        DROP CONSTRAINT candidate_match_claim_whole,
        DROP COLUMN claimed_by, DROP COLUMN claim_expires_at, DROP COLUMN band_rank, DROP COLUMN person_a_version, DROP COLUMN person_b_version`);
    await q.query(`ALTER TABLE candidate_match DROP CONSTRAINT candidate_match_review_status_check`);
    await q.query(
      `ALTER TABLE candidate_match ADD CONSTRAINT candidate_match_review_status_check CHECK (review_status IN ('pending', 'confirmed', 'rejected', 'need_more_info', 'withdrawn'))`,
    );
  }
}
