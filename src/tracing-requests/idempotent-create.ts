import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ConflictError, InvalidInputError } from '../common/errors/domain-errors.js';

/** What a client may send as `Idempotency-Key`: a random token of its own (a UUID does). */
const KEY_FORMAT = /^[A-Za-z0-9_-]{8,100}$/;

export interface IdempotencyKey {
  key: string;
  /** SHA-256 of the body as received: the same key with another body is a client's mistake */
  bodyHash: string;
}

/** The header's key with the body's hash; undefined without a header, a 400 for a malformed one. */
export function idempotencyKeyOf(header: string | undefined, body: unknown): IdempotencyKey | undefined {
  if (header === undefined) return undefined;
  if (!KEY_FORMAT.test(header)) {
    throw new InvalidInputError('Idempotency-Key', 'must be 8 to 100 letters, digits, "-" or "_" (a UUID will do)');
  }
  return { key: header, bodyHash: createHash('sha256').update(JSON.stringify(body)).digest('hex') };
}

/**
 * The request an earlier create with this key made, if any, read under a lock on the key so a
 * concurrent create with the same key waits for the first one's commit. The same key with another
 * body is refused: the client reused a key, and which request it meant cannot be guessed.
 */
export async function requestCreatedWith(manager: EntityManager, userId: string, key: IdempotencyKey): Promise<string | null> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1 || '/' || $2))`, [userId, key.key]);
  const [row]: { requestId: string; bodyHash: string }[] = await manager.query(
    `SELECT request_id AS "requestId", body_hash AS "bodyHash" FROM request_idempotency_key WHERE user_id = $1 AND key = $2`,
    [userId, key.key],
  );
  if (!row) return null;
  if (row.bodyHash !== key.bodyHash) throw new ConflictError('this Idempotency-Key was used for another request body');
  return row.requestId;
}

export async function rememberCreate(manager: EntityManager, userId: string, key: IdempotencyKey, requestId: string): Promise<void> {
  await manager.query(`INSERT INTO request_idempotency_key (user_id, key, request_id, body_hash) VALUES ($1, $2, $3, $4)`, [
    userId,
    key.key,
    requestId,
    key.bodyHash,
  ]);
}
