import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What stays of an erased person or request: the fact, the id, the request's reference (a case
 * number, not personal data), who erased it, when and why. Nothing else about them is kept.
 */
export class ErasureTombstones1764480000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE erasure_tombstone (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        entity_type text NOT NULL CHECK (entity_type IN ('tracing_request', 'person_record')),
        entity_id uuid NOT NULL,
        request_reference text NOT NULL CHECK (request_reference ~ '^TR-[0-9]{4}-[0-9]{6,}$'),
        reason_code text NOT NULL CHECK (reason_code ~ '^[a-z_]{1,60}$'),
        erased_by uuid REFERENCES app_user(id),
        erased_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (entity_type, entity_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE erasure_tombstone`);
  }
}
