import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-organisation retention: how long closed requests and rejected candidates are kept, and a
 * record of every run (dry or applied) with counts only.
 */
export class Retention1764490000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE retention_policy (
        organisation_id uuid PRIMARY KEY REFERENCES organisation(id),
        closed_request_months integer CHECK (closed_request_months BETWEEN 1 AND 240),
        rejected_candidate_months integer CHECK (rejected_candidate_months BETWEEN 1 AND 240),
        updated_by uuid NOT NULL REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE retention_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        dry_run boolean NOT NULL,
        requests_erased integer NOT NULL CHECK (requests_erased >= 0),
        candidates_deleted integer NOT NULL CHECK (candidates_deleted >= 0),
        requested_by uuid REFERENCES app_user(id),
        ran_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX retention_run_org ON retention_run (organisation_id, ran_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE retention_run`);
    await q.query(`DROP TABLE retention_policy`);
  }
}
