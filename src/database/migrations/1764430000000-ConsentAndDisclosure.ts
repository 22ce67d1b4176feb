import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// Repeated here on purpose: a migration keeps meaning what it meant when it ran.
const CHECK_METHODS = ['knowledge_questions', 'documents_seen', 'known_to_caseworker', 'referral_partner', 'video_call'];
const SCOPES = ['found', 'message', 'contact_details', 'whereabouts'];

/**
 * After a confirmed find and before anyone contacts the person found: the identity and risk check
 * of the enquirer, the found person's consent (what may be shared, with whom, until when, recorded
 * by whom; withdrawable), and the two-person overrides a safeguarding flag needs before disclosure.
 */
export class ConsentAndDisclosure1764430000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identity_check (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidate_match(id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES app_user(id),
        outcome text NOT NULL CHECK (outcome IN ('passed', 'failed')),
        methods text[] NOT NULL CHECK (cardinality(methods) BETWEEN 1 AND 5 AND methods <@ ARRAY[${list(CHECK_METHODS)}]::text[]),
        reason_code text NOT NULL CHECK (reason_code ~ '^[a-z_]{1,60}$'),
        checked_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (candidate_id, reviewer_id)
      )`);

    await q.query(`
      CREATE TABLE found_person_consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidate_match(id) ON DELETE CASCADE,
        found_person_id uuid NOT NULL REFERENCES person_record(id) ON DELETE CASCADE,
        recipient_person_id uuid NOT NULL REFERENCES person_record(id) ON DELETE CASCADE,
        decision text NOT NULL CHECK (decision IN ('granted', 'refused')),
        scopes text[] NOT NULL CHECK (scopes <@ ARRAY[${list(SCOPES)}]::text[]),
        message text CHECK (length(message) <= 2000),
        valid_until date,
        recorded_by uuid NOT NULL REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_by uuid REFERENCES app_user(id),
        withdrawn_at timestamptz,
        withdrawal_reason text CHECK (withdrawal_reason ~ '^[a-z_]{1,60}$'),
        -- a grant always includes that they were found; a refusal shares nothing
        CHECK ((decision = 'granted' AND 'found' = ANY(scopes)) OR (decision = 'refused' AND cardinality(scopes) = 0 AND message IS NULL)),
        CHECK (message IS NULL OR 'message' = ANY(scopes)),
        CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL) AND (withdrawn_at IS NULL) = (withdrawal_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX found_person_consent_candidate ON found_person_consent (candidate_id, recorded_at)`);

    await q.query(`
      CREATE TABLE disclosure_override (
        consent_id uuid NOT NULL REFERENCES found_person_consent(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        reason_code text NOT NULL CHECK (reason_code ~ '^[a-z_]{1,60}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consent_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE disclosure_override`);
    await q.query(`DROP TABLE found_person_consent`);
    await q.query(`DROP TABLE identity_check`);
  }
}
