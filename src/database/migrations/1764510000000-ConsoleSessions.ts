import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Server-side sessions of the web console (docs/decisions/0019-web-console.md). The browser holds
 * only a random id in an HttpOnly cookie; the row is keyed by its SHA-256, so a copy of the table
 * cannot be replayed as cookies. No personal data: ids, the account's session generation (a password
 * reset or deactivation ends the session through the auth guard) and two timestamps for the idle
 * and absolute timeouts.
 */
export class ConsoleSessions1764510000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE console_session (
        id_hash bytea PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        session_generation integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX console_session_last_seen_idx ON console_session (last_seen_at)`);
    await q.query(`CREATE INDEX console_session_user_idx ON console_session (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE console_session`);
  }
}
