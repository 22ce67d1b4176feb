import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook receivers an admin configures per organisation, and the ledger that lets a candidate
 * pair be announced for review once, whatever the number of re-scores and matcher versions.
 */
export class WebhookNotifications1764410000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_receiver (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        url text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
        audience text NOT NULL CHECK (audience IN ('staff', 'enquirer')),
        -- HMAC key: the worker needs it in clear to sign; shown to the admin once, never listed
        signing_secret text NOT NULL CHECK (length(signing_secret) >= 32),
        is_active boolean NOT NULL DEFAULT true,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (created_by, organisation_id) REFERENCES app_user(id, organisation_id)
      )`);
    await q.query(`CREATE INDEX webhook_receiver_routing ON webhook_receiver (organisation_id, audience) WHERE is_active`);

    await q.query(`
      CREATE TABLE candidate_review_notice (
        person_a_id uuid NOT NULL REFERENCES person_record(id) ON DELETE CASCADE,
        person_b_id uuid NOT NULL REFERENCES person_record(id) ON DELETE CASCADE,
        noticed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_a_id, person_b_id),
        CHECK (person_a_id < person_b_id)
      )`);
    await q.query(`CREATE INDEX candidate_review_notice_person_b ON candidate_review_notice (person_b_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE candidate_review_notice`);
    await q.query(`DROP TABLE webhook_receiver`);
  }
}
