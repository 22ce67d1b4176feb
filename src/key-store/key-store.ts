import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { isDatabaseUnavailable } from '../common/errors/database-unavailable.js';
import { DataKeyRing, type WrappedDataKey } from '../crypto/data-key-ring.js';
import { ensureKeyStoreSchema } from './key-store-schema.js';

export type SubjectType = 'person' | 'request' | 'candidate';

export interface ErasedSubject {
  id: string;
  type: SubjectType;
}

/** Thrown when a subject's key was destroyed by an erasure: what it sealed is gone for good. */
export class SubjectErasedError extends Error {
  constructor() {
    super('the data key of an erased subject no longer exists');
  }
}

/**
 * The key store: wrapped data keys and the erasure log, in a database apart from the data, reached
 * through a small pool of its own. Every method is one short statement or transaction; nothing here
 * sees a plaintext value, only keys.
 */
export class KeyStore {
  private constructor(
    private readonly pool: pg.Pool,
    readonly ring: DataKeyRing,
  ) {}

  /** The key store the settings name, with their master keys (comma-separated, newest first). */
  static fromSettings(settings: { KEYSTORE_DATABASE_URL: string; DATA_KEY_MASTER_KEYS: string }): Promise<KeyStore> {
    return KeyStore.connect(settings.KEYSTORE_DATABASE_URL, new DataKeyRing(settings.DATA_KEY_MASTER_KEYS.split(',')));
  }

  /**
   * Opens the pool and makes sure the tables exist. A process started while the key store's server
   * is down or recovering waits for it, as its data connection does (@nestjs/typeorm retries 9 times,
   * 3 s apart), instead of exiting.
   */
  static async connect(url: string, ring: DataKeyRing, attempts = 10, delayMs = 3000): Promise<KeyStore> {
    const pool = new pg.Pool({ connectionString: url, max: 4, application_name: 'rfl-key-store' });
    // An idle connection dropped by a restart of the key store's server: the pool opens a new one on
    // the next query, and that query's caller sees any lasting failure.
    pool.on('error', () => undefined);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await ensureKeyStoreSchema(pool);
        return new KeyStore(pool, ring);
      } catch (error) {
        if (attempt >= attempts || !isDatabaseUnavailable(error)) {
          await pool.end();
          throw error;
        }
        await sleep(delayMs);
      }
    }
  }

  /** The subject's data key, made and stored the first time; refused for an erased subject. */
  async dataKeyFor(subject: ErasedSubject): Promise<Buffer> {
    const found = await this.find([subject.id]);
    const stored = found.get(subject.id);
    if (stored) return this.ring.unwrap(stored, subject.id);
    const { dataKey, stored: fresh } = this.ring.create(subject.id);
    // Two writers may make the first key at once: the one that lands wins, the other reads it back.
    const { rows } = await this.pool.query<{ master_key_id: string; wrapped: Buffer }>(
      `INSERT INTO data_key (subject_id, master_key_id, wrapped)
       SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM erasure_log WHERE subject_id = $1)
       ON CONFLICT (subject_id) DO NOTHING RETURNING master_key_id, wrapped`,
      [subject.id, fresh.masterKeyId, fresh.wrapped],
    );
    if (rows.length === 1) return dataKey;
    const again = (await this.find([subject.id])).get(subject.id);
    if (!again) throw new SubjectErasedError();
    return this.ring.unwrap(again, subject.id);
  }

  /** The data keys that exist among `ids` (none for a subject never sealed for, or erased). */
  async existingKeys(ids: readonly string[]): Promise<Map<string, Buffer>> {
    const found = await this.find(ids);
    return new Map([...found].map(([id, stored]) => [id, this.ring.unwrap(stored, id)]));
  }

  /**
   * Crypto-shredding: destroys the subjects' keys and logs their erasure, in one transaction.
   * Every copy of what the keys sealed – in the data's backups and WAL too – is unreadable from
   * then on, once the key store's own backups have aged out.
   */
  async destroy(subjects: readonly ErasedSubject[]): Promise<void> {
    if (subjects.length === 0) return;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`DELETE FROM data_key WHERE subject_id = ANY ($1::uuid[])`, [subjects.map((s) => s.id)]);
      await client.query(
        `INSERT INTO erasure_log (subject_id, subject_type) SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT DO NOTHING`,
        [subjects.map((s) => s.id), subjects.map((s) => s.type)],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  /** The erasure log, for re-applying it to a restored data backup. */
  async erasedSubjects(): Promise<ErasedSubject[]> {
    const { rows } = await this.pool.query<ErasedSubject>(
      `SELECT subject_id AS id, subject_type AS type FROM erasure_log ORDER BY erased_at`,
    );
    return rows;
  }

  /**
   * Rotation: re-wraps up to `limit` keys wrapped under an older master key with the newest one.
   * Returns how many it re-wrapped; 0 when none is left. Safe while the service runs: a key's value
   * does not change, only its wrapping, and each row is re-wrapped under its own row lock.
   */
  async rewrapStale(limit: number): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ subject_id: string; master_key_id: string; wrapped: Buffer }>(
        `SELECT subject_id, master_key_id, wrapped FROM data_key WHERE master_key_id <> $1
          ORDER BY subject_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [this.ring.currentKeyId, limit],
      );
      for (const row of rows) {
        const dataKey = this.ring.unwrap({ masterKeyId: row.master_key_id, wrapped: row.wrapped }, row.subject_id);
        const stored = this.ring.wrap(dataKey, row.subject_id);
        await client.query(`UPDATE data_key SET master_key_id = $2, wrapped = $3, rewrapped_at = now() WHERE subject_id = $1`, [
          row.subject_id,
          stored.masterKeyId,
          stored.wrapped,
        ]);
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async find(ids: readonly string[]): Promise<Map<string, WrappedDataKey>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query<{ subject_id: string; master_key_id: string; wrapped: Buffer }>(
      `SELECT subject_id, master_key_id, wrapped FROM data_key WHERE subject_id = ANY ($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.subject_id, { masterKeyId: row.master_key_id, wrapped: row.wrapped }]));
  }
}
