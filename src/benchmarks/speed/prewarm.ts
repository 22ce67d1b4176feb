import type pg from 'pg';

/**
 * The tables a match job reads, each with all its indexes, and the pg_trgm baseline's table: the
 * working set of a service that has been answering for a while. Of the key table only its primary
 * key: blocking reads it index-only, and a job's own keys are rows it has just written.
 */
const PREWARMED_TABLES = [
  'person_record',
  'tracing_request',
  'intake_consent',
  'sharing_agreement',
  'data_key',
  'candidate_match',
  'bench_trgm_name',
] as const;
const PREWARMED_INDEXES_ONLY = ['person_name_key'] as const;

export interface Prewarmed {
  /** false when the server has no pg_prewarm, or the role may not add it (a database named by BENCH_DATABASE_URL, say) */
  done: boolean;
  megabytes: number;
  seconds: number;
  /** why it was not done */
  reason?: string;
}

/**
 * Reads the working set into the operating system's file cache before anything is timed (decision
 * 0034). After a reboot none of a loaded data set is cached, and the first run at a million
 * records then timed random disk reads of a 3 GB index (a blocking probe 11.8 ms instead of 1.6),
 * not the steady state of a service that has been answering. The baseline's table and index are
 * read too, so both sides start warm. 'read' mode: PostgreSQL's own buffers stay as a running
 * server's would be, at their configured size.
 */
export async function prewarmWorkingSet(pool: pg.Pool): Promise<Prewarmed> {
  const started = performance.now();
  try {
    await pool.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
  } catch (error) {
    return { done: false, megabytes: 0, seconds: 0, reason: (error as Error).message };
  }
  const { rows } = await pool.query<{ relation: string }>(
    `SELECT c.oid::regclass::text AS relation FROM pg_class c
     WHERE c.relname = ANY($1::text[])
     UNION ALL
     SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relname = ANY($1::text[]) OR (t.relname = ANY($2::text[]) AND i.indisprimary)`,
    [PREWARMED_TABLES, PREWARMED_INDEXES_ONLY],
  );
  let blocks = 0;
  for (const { relation } of rows) {
    const read = await pool.query<{ blocks: string }>(`SELECT pg_prewarm($1::regclass, 'read') AS blocks`, [relation]);
    blocks += Number(read.rows[0].blocks);
  }
  const blockSize = Number((await pool.query<{ size: string }>(`SELECT current_setting('block_size') AS size`)).rows[0].size);
  return { done: true, megabytes: Math.round((blocks * blockSize) / 2 ** 20), seconds: (performance.now() - started) / 1000 };
}
