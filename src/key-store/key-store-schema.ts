import type pg from 'pg';

/**
 * The key store's two tables, in a database of their own (decision 0024). Created at start-up if
 * missing: the store is small, and its schema changes seldom enough that plain idempotent DDL is
 * clearer than a second migration history.
 * - `data_key`: one wrapped 256-bit key per subject (a person, a request, a candidate pair);
 * - `erasure_log`: the subjects erased, kept so that a restored data backup can be purged of them
 *   again and a key is never made anew for an erased subject.
 */
export async function ensureKeyStoreSchema(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Processes starting together on a fresh key store would race: CREATE TABLE IF NOT EXISTS is
    // not safe against a concurrent create. One at a time, under a lock held to the commit.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('rfl-key-store-schema'))`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS data_key (
        subject_id uuid PRIMARY KEY,
        master_key_id text NOT NULL CHECK (master_key_id ~ '^[0-9a-f]{16}$'),
        wrapped bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rewrapped_at timestamptz
      )`);
    await client.query(`CREATE INDEX IF NOT EXISTS data_key_master_key ON data_key (master_key_id)`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS erasure_log (
        subject_id uuid PRIMARY KEY,
        subject_type text NOT NULL CHECK (subject_type IN ('person', 'request', 'candidate')),
        erased_at timestamptz NOT NULL DEFAULT now()
      )`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
