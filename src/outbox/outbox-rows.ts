import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../database/prepared-query.js';

export interface OutboxRow {
  topic: string;
  /** ids, versions and codes only (see OutboxMessage) */
  payload: object;
}

/**
 * Outbox rows in the order given (the relay sends by id), in one statement whatever their number:
 * arrays as parameters keep the text constant, so it is prepared once per connection (decision
 * 0034). TypeORM's insert builder cost a match job more in JavaScript than the insert itself.
 */
const INSERT_OUTBOX_SQL = `
  INSERT INTO outbox_message (topic, payload)
  SELECT t.topic, t.payload::jsonb FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(topic, payload, n)
  ORDER BY t.n`;

/** Rows held back by holdingOutboxRows, by the transaction's manager. */
const heldRows = new WeakMap<EntityManager, OutboxRow[]>();

export async function insertOutboxRows(manager: EntityManager, rows: readonly OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  const held = heldRows.get(manager);
  if (held) {
    held.push(...rows);
    return;
  }
  await queryPrepared(manager, INSERT_OUTBOX_SQL, [rows.map((row) => row.topic), rows.map((row) => JSON.stringify(row.payload))]);
}

/**
 * Runs `work`, holding back the outbox rows it writes through `manager`, then writes them all in one
 * statement, in the order they were written. A match job writes rows from three places (its
 * requests' status events, the review notices, the other sides' job), a round trip each. Only for
 * work that does not read the outbox: none of it reads rows it has not yet written, and the relay
 * sees them only after the commit either way. Within work already holding, the outer one writes them.
 */
export async function holdingOutboxRows<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  if (heldRows.has(manager)) return work();
  const rows: OutboxRow[] = [];
  heldRows.set(manager, rows);
  let result: T;
  try {
    result = await work();
  } finally {
    heldRows.delete(manager);
  }
  await insertOutboxRows(manager, rows);
  return result;
}
