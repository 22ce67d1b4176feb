import type { DataSource } from 'typeorm';

/**
 * Tables holding domain data (every table of the migrations but the audit trail and the worker's run
 * bookkeeping, match_run): audit events and failed-login bookkeeping are not domain data.
 */
export const DOMAIN_TABLES = [
  'organisation',
  'app_user',
  'password_setup_code',
  'webhook_receiver',
  'tracing_request',
  'request_idempotency_key',
  'person_record',
  'name_variant',
  'person_name_key',
  'person_contact',
  'intake_consent',
  'status_change',
  'outbox_message',
  'candidate_match',
  'candidate_review_notice',
  'review_decision',
  'pair_decision',
  'request_link',
  'follow_up_question',
  'identity_check',
  'found_person_consent',
  'disclosure_override',
  'sharing_agreement',
  'erasure_tombstone',
  'retention_policy',
] as const;

/** Row counts per domain table, to prove that a refused request wrote nothing. */
export async function countDomainRows(db: DataSource): Promise<Record<string, number>> {
  const counts = await Promise.all(
    DOMAIN_TABLES.map(async (table) => [table, (await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number] as const),
  );
  return Object.fromEntries(counts);
}

const JOURNAL = 'test_domain_write_journal';

/**
 * Writes that are bookkeeping, not domain data: the outbox relay marking a row dispatched, and
 * anything on an account but its identity, roles, password and sessions (failed-login counters).
 */
const OPERATIONS: Partial<Record<(typeof DOMAIN_TABLES)[number], string>> = {
  outbox_message: 'INSERT OR DELETE',
  app_user: 'INSERT OR DELETE OR UPDATE OF organisation_id, email, display_name, password_hash, roles, is_active, session_generation',
};

/**
 * Sees every committed insert, update and delete on the domain tables, not only changes of their row
 * counts, at the cost of one indexed read per check whatever the tables hold. Statement-level triggers
 * write to a journal table; `stop` drops them. Bookkeeping updates are left out (OPERATIONS).
 */
export async function watchDomainWrites(db: DataSource) {
  await db.query(`CREATE TABLE IF NOT EXISTS ${JOURNAL} (id bigserial PRIMARY KEY, table_name text NOT NULL, operation text NOT NULL)`);
  await db.query(`
    CREATE OR REPLACE FUNCTION ${JOURNAL}_record() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO ${JOURNAL} (table_name, operation) VALUES (TG_TABLE_NAME, TG_OP);
      RETURN NULL;
    END $$`);
  for (const table of DOMAIN_TABLES) {
    const operations = OPERATIONS[table] ?? 'INSERT OR UPDATE OR DELETE';
    await db.query(`DROP TRIGGER IF EXISTS ${JOURNAL} ON ${table}`);
    await db.query(`CREATE TRIGGER ${JOURNAL} AFTER ${operations} ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${JOURNAL}_record()`);
  }
  const mark = async (): Promise<number> => Number((await db.query(`SELECT coalesce(max(id), 0) AS id FROM ${JOURNAL}`))[0].id);
  return {
    mark,
    /** The writes committed after the mark, as `table operation`, e.g. `person_record INSERT`. */
    async writesSince(since: number): Promise<string[]> {
      const rows: { table_name: string; operation: string }[] = await db.query(
        `SELECT table_name, operation FROM ${JOURNAL} WHERE id > $1 ORDER BY id`,
        [since],
      );
      return rows.map((row) => `${row.table_name} ${row.operation}`);
    },
    async stop(): Promise<void> {
      for (const table of DOMAIN_TABLES) await db.query(`DROP TRIGGER IF EXISTS ${JOURNAL} ON ${table}`);
      await db.query(`DROP FUNCTION IF EXISTS ${JOURNAL}_record() CASCADE`);
      await db.query(`DROP TABLE IF EXISTS ${JOURNAL}`);
    },
  };
}

export type DomainWriteWatch = Awaited<ReturnType<typeof watchDomainWrites>>;
