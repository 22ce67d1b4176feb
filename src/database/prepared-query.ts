import { createHash } from 'node:crypto';
import type { PoolClient, QueryResultRow } from 'pg';
import type { EntityManager } from 'typeorm';

/** Statement names by text: one hash per distinct statement, computed once. */
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `rfl_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs `text` as a named prepared statement on the manager's connection (its transaction's, when
 * it has one): PostgreSQL parses and analyses it once per connection, and after five runs plans it
 * once too when a generic plan costs no more than the custom ones did. A match job's statements
 * are long CTEs run thousands of times an hour, and parsing and planning them each time was about
 * a tenth of a job (decision 0034).
 *
 * Only for a constant text: the name is a hash of the text, so each distinct statement is prepared
 * once per connection, and a text built per call would fill the server's memory with statements.
 * Returns the rows, whatever the command (TypeORM's `query` returns [rows, count] for an UPDATE).
 */
export async function queryPrepared<Row extends QueryResultRow>(manager: EntityManager, text: string, values: unknown[]): Promise<Row[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    const result = await client.query<Row>({ name: statementName(text), text, values });
    return result.rows;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
