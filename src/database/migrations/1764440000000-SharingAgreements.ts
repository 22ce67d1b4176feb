import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations work alone unless an admin of each side agrees to match across both. A candidate
 * pair spanning two organisations names the second one, so that each side's queue finds it.
 */
export class SharingAgreements1764440000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sharing_agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_a_id uuid NOT NULL REFERENCES organisation(id),
        organisation_b_id uuid NOT NULL REFERENCES organisation(id),
        approved_by_a uuid REFERENCES app_user(id),
        approved_at_a timestamptz,
        approved_by_b uuid REFERENCES app_user(id),
        approved_at_b timestamptz,
        withdrawn_by uuid REFERENCES app_user(id),
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (organisation_a_id < organisation_b_id),
        CHECK ((approved_by_a IS NULL) = (approved_at_a IS NULL) AND (approved_by_b IS NULL) = (approved_at_b IS NULL)),
        CHECK ((withdrawn_by IS NULL) = (withdrawn_at IS NULL))
      )`);
    // One live agreement per pair of organisations; withdrawn ones stay as history.
    await q.query(`
      CREATE UNIQUE INDEX sharing_agreement_live ON sharing_agreement (organisation_a_id, organisation_b_id) WHERE withdrawn_at IS NULL`);
    await q.query(`CREATE INDEX sharing_agreement_b ON sharing_agreement (organisation_b_id) WHERE withdrawn_at IS NULL`);

    await q.query(`ALTER TABLE candidate_match ADD COLUMN other_organisation_id uuid REFERENCES organisation(id)`);
    await q.query(`
      CREATE INDEX candidate_match_queue_other ON candidate_match (other_organisation_id, band_rank, created_at, id)
      WHERE other_organisation_id IS NOT NULL AND review_status IN ('pending', 'need_more_info', 'awaiting_second_review')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX candidate_match_queue_other`);
    await q.query(`ALTER TABLE candidate_match DROP COLUMN other_organisation_id`);
    await q.query(`DROP TABLE sharing_agreement`);
  }
}
