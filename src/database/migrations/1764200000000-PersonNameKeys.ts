import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Blocking keys per person record, kept in the same transaction as the record. Keys are opaque
 * strings (later keyed hashes); the primary key serves the blocking probe: organisation, key.
 */
export class PersonNameKeys1764200000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person_name_key (
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        key text NOT NULL CHECK (length(key) BETWEEN 3 AND 200),
        person_id uuid NOT NULL REFERENCES person_record(id) ON DELETE CASCADE,
        -- false for an enquirer who did not agree to be found: compared as a query, never as a target
        is_target boolean NOT NULL,
        matcher_version integer NOT NULL CHECK (matcher_version > 0),
        PRIMARY KEY (organisation_id, key, person_id)
      )`);
    await q.query(`CREATE INDEX person_name_key_person ON person_name_key (person_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE person_name_key`);
  }
}
