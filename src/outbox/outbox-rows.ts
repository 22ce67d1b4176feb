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

export async function insertOutboxRows(manager: EntityManager, rows: readonly OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  await queryPrepared(manager, INSERT_OUTBOX_SQL, [rows.map((row) => row.topic), rows.map((row) => JSON.stringify(row.payload))]);
}
