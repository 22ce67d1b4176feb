import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An officer's create sent again with the same Idempotency-Key (a retry after a lost answer) gives
 * back the request the first one made, instead of a second request for the same family. Ids and a
 * hash only; the row goes with its request (an erasure included).
 */
export class IdempotentCreates1764590000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE request_idempotency_key (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        key text NOT NULL CHECK (key ~ '^[A-Za-z0-9_-]{8,100}$'),
        request_id uuid NOT NULL REFERENCES tracing_request(id) ON DELETE CASCADE,
        body_hash text NOT NULL CHECK (body_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX request_idempotency_key_request ON request_idempotency_key (request_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE request_idempotency_key`);
  }
}
