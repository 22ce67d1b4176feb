import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lockout after repeated failed logins, TOTP second factor with one-time recovery codes, and the
 * organisation's "second factor required" policy (docs/decisions/0014-second-factor-and-lockout.md).
 * The TOTP secret is stored only encrypted (AES-256-GCM, key from configuration, key id beside it);
 * recovery codes only as argon2id hashes.
 */
export class SecondFactorAndLockout1764470000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN failed_login_count integer NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
        ADD COLUMN failed_login_window_start timestamptz,
        ADD COLUMN locked_until timestamptz`);
    await q.query(`ALTER TABLE organisation ADD COLUMN second_factor_required boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE user_totp (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        secret_ciphertext text NOT NULL CHECK (secret_ciphertext ~ '^[A-Za-z0-9_-]{40,200}$'),
        key_id text NOT NULL CHECK (key_id ~ '^[0-9a-f]{16}$'),
        confirmed_at timestamptz,
        last_used_step bigint,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE user_recovery_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        code_hash text NOT NULL CHECK (code_hash LIKE '$argon2id$%'),
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX user_recovery_code_user ON user_recovery_code (user_id) WHERE used_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_recovery_code`);
    await q.query(`DROP TABLE user_totp`);
    await q.query(`ALTER TABLE organisation DROP COLUMN second_factor_required`);
    await q.query(`ALTER TABLE app_user DROP COLUMN failed_login_count, DROP COLUMN failed_login_window_start, DROP COLUMN locked_until`);
  }
}
