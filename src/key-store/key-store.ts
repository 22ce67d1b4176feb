import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { isDatabaseUnavailable } from '../common/errors/database-unavailable.js';
import { DataKeyRing, type WrappedDataKey } from '../crypto/data-key-ring.js';
import { ensureKeyStoreSchema } from './key-store-schema.js';

export type SubjectType = 'person' | 'request' | 'candidate';

/** The reserved subject whose data key is the blind-index key; never a person, request or pair. */
export const BLIND_INDEX_SUBJECT_ID = '00000000-0000-0000-0000-000000000001';

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
  dataKeyFor(subject: ErasedSubject): Promise<Buffer> {
    return this.keyFor(subject.id);
  }

  /**
   * The service's blind-index key (src/key-store/blind-index.ts): one key for every organisation,
   * since blocking crosses organisations under sharing agreements. Kept here as the data key of a
   * reserved subject that no erasure names, so it is wrapped, rotated and backed up with the others,
   * and a stolen dump of the data does not hold it.
   */
  blindIndexKey(): Promise<Buffer> {
    return this.keyFor(BLIND_INDEX_SUBJECT_ID);
  }

  private async keyFor(subjectId: string): Promise<Buffer> {
    const found = await this.find([subjectId]);
    const stored = found.get(subjectId);
    if (stored) return this.ring.unwrap(stored, subjectId);
    const { dataKey, stored: fresh } = this.ring.create(subjectId);
    // Two writers may make the first key at once: the one that lands wins, the other reads it back.
    const { rows } = await this.pool.query<{ master_key_id: string; wrapped: Buffer }>(
      `INSERT INTO data_key (subject_id, master_key_id, wrapped)
       SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM erasure_log WHERE subject_id = $1)
       ON CONFLICT (subject_id) DO NOTHING RETURNING master_key_id, wrapped`,
      [subjectId, fresh.masterKeyId, fresh.wrapped],
    );
    if (rows.length === 1) return dataKey;
    const again = (await this.find([subjectId])).get(subjectId);
    if (!again) throw new SubjectErasedError();
    return this.ring.unwrap(again, subjectId);
  }

  /**
   * Keys for many subjects at once (a bulk load): those missing are made and stored in one
   * statement, the others read. An erased subject gets none.
   */
  async keysFor(ids: readonly string[]): Promise<Map<string, Buffer>> {
    const made = ids.map((id) => ({ id, ...this.ring.create(id) }));
    const { rows } = await this.pool.query<{ subject_id: string }>(
      `INSERT INTO data_key (subject_id, master_key_id, wrapped)
       SELECT t.s, t.m, t.w FROM unnest($1::uuid[], $2::text[], $3::bytea[]) AS t(s, m, w)
       WHERE NOT EXISTS (SELECT 1 FROM erasure_log e WHERE e.subject_id = t.s)
       ON CONFLICT (subject_id) DO NOTHING RETURNING subject_id`,
      [made.map((m) => m.id), made.map((m) => m.stored.masterKeyId), made.map((m) => m.stored.wrapped)],
    );
    const inserted = new Set(rows.map((row) => row.subject_id));
    const keys = new Map(made.filter((m) => inserted.has(m.id)).map((m) => [m.id, m.dataKey]));
    for (const [id, key] of await this.existingKeys(ids.filter((id) => !inserted.has(id)))) keys.set(id, key);
    return keys;
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
  async destroy(erased: readonly ErasedSubject[]): Promise<void> {
    // The blind-index key belongs to no one; destroying it would hide every record from blocking.
    const subjects = erased.filter((s) => s.id !== BLIND_INDEX_SUBJECT_ID);
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
