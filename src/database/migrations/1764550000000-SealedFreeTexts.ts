import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The free texts sealed with a subject's key (decision 0024), by table and column. */
const SEALED = [
  ['tracing_request', 'circumstances', 10000],
  ['person_contact', 'contact_details', 2000],
  ['person_contact', 'current_whereabouts', 2000],
  ['review_decision', 'note', 2000],
  ['found_person_consent', 'message', 2000],
] as const;

/**
 * The sensitive free texts are stored sealed (`enc:v1:…`), so their length checks on plaintext go
 * (the API checks the submitted length) and the database refuses any new plaintext in their place.
 * NOT VALID: rows written before encryption at rest stay readable until `cli rotate-keys` seals
 * them, after which the constraint can be validated.
 */
export class SealedFreeTexts1764550000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    for (const [table, column] of SEALED) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_check`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_sealed CHECK (${column} IS NULL OR ${column} LIKE 'enc:v1:%') NOT VALID`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, column, length] of SEALED) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_sealed`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_check CHECK (length(${column}) <= ${length}) NOT VALID`);
    }
  }
}
