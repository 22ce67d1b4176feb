import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const ROLES = ['officer', 'reviewer', 'caseworker', 'admin', 'auditor'];
const PERSON_STATUSES = [
  'submitted',
  'searching',
  'possible_match',
  'on_hold',
  'match_confirmed',
  'awaiting_consent',
  'contact_shared',
  'not_found',
];
const REQUEST_STATUSES = [...PERSON_STATUSES, 'withdrawn', 'closed', 'closed_no_match'];
const FLAGS = [
  'trafficking_survivor',
  'exploitation_risk',
  'domestic_violence',
  'unaccompanied_minor',
  'enquirer_identity_unverified',
  'other_risk',
];
const NAME_PARTS = ['given', 'family', 'father', 'grandfather', 'mother', 'alias', 'nickname', 'full'];
const RELATIONSHIPS = [
  'parent',
  'child',
  'sibling',
  'spouse',
  'grandparent',
  'grandchild',
  'aunt_uncle',
  'niece_nephew',
  'cousin',
  'other_relative',
  'other',
];

/**
 * The first schema: tenancy, accounts, tracing requests and person records, status history,
 * the outbox and the append-only audit trail. The vocabularies are repeated here on purpose:
 * a migration must keep meaning what it meant when it ran, whatever the code later says.
 */
export class InitialSchema1764140000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        email text NOT NULL CHECK (email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        password_hash text CHECK (password_hash IS NULL OR password_hash LIKE '$argon2id$%'),
        roles text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY[${list(ROLES)}]::text[]),
        is_active boolean NOT NULL DEFAULT true,
        session_generation integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, organisation_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_unique ON app_user (lower(email))`);

    await q.query(`
      CREATE TABLE password_setup_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        code_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`CREATE SEQUENCE tracing_request_number_seq`);
    await q.query(`
      CREATE TABLE tracing_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE CHECK (reference ~ '^TR-[0-9]{4}-[0-9]{6,}$'),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        officer_id uuid NOT NULL,
        caseworker_id uuid,
        lifecycle text NOT NULL DEFAULT 'open' CHECK (lifecycle IN ('open', 'withdrawn', 'closed', 'closed_no_match')),
        status text NOT NULL CHECK (status IN (${list(REQUEST_STATUSES)})),
        circumstances text CHECK (length(circumstances) <= 10000),
        safeguarding_flags text[] NOT NULL DEFAULT '{}' CHECK (safeguarding_flags <@ ARRAY[${list(FLAGS)}]::text[]),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- staff assigned to a request belong to its organisation
        FOREIGN KEY (officer_id, organisation_id) REFERENCES app_user(id, organisation_id),
        FOREIGN KEY (caseworker_id, organisation_id) REFERENCES app_user(id, organisation_id),
        CHECK (lifecycle = 'open' OR status = lifecycle),
        UNIQUE (id, organisation_id)
      )`);
    await q.query(`CREATE INDEX tracing_request_org_created ON tracing_request (organisation_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX tracing_request_org_status ON tracing_request (organisation_id, status)`);

    await q.query(`
      CREATE TABLE intake_consent (
        request_id uuid PRIMARY KEY REFERENCES tracing_request(id) ON DELETE CASCADE,
        consents_to_processing boolean NOT NULL CHECK (consents_to_processing),
        agrees_to_be_found boolean NOT NULL,
        agrees_to_identity_shared boolean NOT NULL,
        information_notice_version text NOT NULL CHECK (length(information_notice_version) BETWEEN 1 AND 40),
        recorded_by uuid NOT NULL REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE person_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('enquirer', 'sought')),
        position integer NOT NULL CHECK (position >= 0),
        relationship_to_enquirer text CHECK (relationship_to_enquirer IN (${list(RELATIONSHIPS)})),
        sex text NOT NULL DEFAULT 'unknown' CHECK (sex IN ('female', 'male', 'other', 'unknown')),
        birth_date_kind text NOT NULL DEFAULT 'unknown' CHECK (birth_date_kind IN ('exact', 'year', 'range', 'age_at', 'unknown')),
        birth_calendar text CHECK (birth_calendar IN ('gregorian', 'ethiopian', 'solar_hijri')),
        birth_date_input jsonb,
        birth_date_original text CHECK (length(birth_date_original) <= 200),
        birth_earliest date,
        birth_latest date,
        place_of_birth text CHECK (length(place_of_birth) <= 300),
        place_of_birth_country char(2) CHECK (place_of_birth_country ~ '^[A-Z]{2}$'),
        last_known_place text CHECK (length(last_known_place) <= 300),
        last_known_country char(2) CHECK (last_known_country ~ '^[A-Z]{2}$'),
        last_known_date date,
        nationality char(2) CHECK (nationality ~ '^[A-Z]{2}$'),
        languages text[] NOT NULL DEFAULT '{}' CHECK (cardinality(languages) <= 20),
        preferred_language text CHECK (preferred_language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
        legal_basis text NOT NULL CHECK (legal_basis IN ('consent', 'vital_interest')),
        status text CHECK (status IN (${list(PERSON_STATUSES)})),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (request_id, organisation_id) REFERENCES tracing_request(id, organisation_id) ON DELETE CASCADE,
        -- the enquirer gave consent at intake and has no search status; a sought person has a relationship and a status
        CHECK ((role = 'enquirer' AND legal_basis = 'consent' AND status IS NULL AND relationship_to_enquirer IS NULL)
            OR (role = 'sought' AND status IS NOT NULL AND relationship_to_enquirer IS NOT NULL)),
        CHECK ((birth_earliest IS NULL) = (birth_latest IS NULL)),
        CHECK (birth_earliest IS NULL OR birth_earliest <= birth_latest),
        CHECK ((birth_date_kind = 'unknown') = (birth_earliest IS NULL)),
        CHECK ((birth_date_kind = 'unknown') = (birth_calendar IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX person_record_one_enquirer ON person_record (request_id) WHERE role = 'enquirer'`);
    await q.query(`CREATE UNIQUE INDEX person_record_request_position ON person_record (request_id, position)`);

    await q.query(`
      CREATE TABLE person_contact (
        person_id uuid PRIMARY KEY REFERENCES person_record(id) ON DELETE CASCADE,
        contact_details text CHECK (length(contact_details) <= 2000),
        current_whereabouts text CHECK (length(current_whereabouts) <= 2000),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE name_variant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person_record(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        part text NOT NULL CHECK (part IN (${list(NAME_PARTS)})),
        value text NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
        script text CHECK (script ~ '^[A-Z][a-z]{3}$'),
        language text CHECK (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
        UNIQUE (person_id, position)
      )`);

    await q.query(`
      CREATE TABLE status_change (
        id bigserial PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES tracing_request(id) ON DELETE CASCADE,
        person_id uuid REFERENCES person_record(id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL CHECK (to_status IN (${list(REQUEST_STATUSES)})),
        reason_code text NOT NULL CHECK (reason_code ~ '^[a-z_]{1,60}$'),
        changed_by uuid REFERENCES app_user(id),
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX status_change_request ON status_change (request_id, id)`);

    await q.query(`
      CREATE TABLE outbox_message (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        attempts integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX outbox_message_pending ON outbox_message (id) WHERE dispatched_at IS NULL`);

    // The audit trail holds ids and codes only, has no foreign keys (it outlives erasure),
    // and refuses UPDATE, DELETE and TRUNCATE at the database level.
    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        organisation_id uuid,
        actor_user_id uuid,
        action text NOT NULL CHECK (action ~ '^[a-z_.]{1,80}$'),
        entity_type text CHECK (entity_type ~ '^[a-z_]{1,40}$'),
        entity_id uuid,
        reason_code text CHECK (reason_code ~ '^[a-z_]{1,60}$'),
        outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied')),
        source_ip inet
      )`);
    await q.query(`CREATE INDEX audit_event_org_time ON audit_event (organisation_id, occurred_at DESC, id DESC)`);
    await q.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_is_append_only()`);
    await q.query(`DROP TABLE outbox_message`);
    await q.query(`DROP TABLE status_change`);
    await q.query(`DROP TABLE name_variant`);
    await q.query(`DROP TABLE person_contact`);
    await q.query(`DROP TABLE person_record`);
    await q.query(`DROP TABLE intake_consent`);
    await q.query(`DROP TABLE tracing_request`);
    await q.query(`DROP SEQUENCE tracing_request_number_seq`);
    await q.query(`DROP TABLE password_setup_code`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE organisation`);
  }
}
