import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The blocking query reads only the key index: is_target joins the primary key as an included
 * column, so checking it needs no visit to the table (an index-only scan even for hot keys).
 */
export class BlockingProbe1764300000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person_name_key DROP CONSTRAINT person_name_key_pkey`);
    await q.query(
      `ALTER TABLE person_name_key ADD CONSTRAINT person_name_key_pkey PRIMARY KEY (organisation_id, key, person_id) INCLUDE (is_target)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person_name_key DROP CONSTRAINT person_name_key_pkey`);
    await q.query(`ALTER TABLE person_name_key ADD CONSTRAINT person_name_key_pkey PRIMARY KEY (organisation_id, key, person_id)`);
  }
}
