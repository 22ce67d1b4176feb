/**
 * Two things a team might use instead of the matcher, given the same names already transliterated
 * (baseline-names.ts): a fuse.js scan with its default options, and PostgreSQL pg_trgm with a GIN
 * trigram index and the default similarity threshold (0.3). Both over every stored record that
 * can be found (sought people and enquirers who agreed to be found), as blocking is.
 */
import Fuse from 'fuse.js';
import type pg from 'pg';
import { say } from './progress.js';

export interface BaselineResult {
  /** time of each timed query, ms */
  times: number[];
  /** the first 10 person ids per timed query */
  ranked: string[][];
}

/** Every baseline name with its person id, read in pages (a million rows at once would be a large result). */
export async function readBaselineNames(pool: pg.Pool): Promise<{ ids: string[]; names: string[] }> {
  const ids: string[] = [];
  const names: string[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await pool.query<{ person_id: string; name: string }>(
      `SELECT person_id, name FROM bench_trgm_name WHERE person_id > $1 ORDER BY person_id LIMIT 50000`,
      [after],
    );
    for (const row of rows) {
      ids.push(row.person_id);
      names.push(row.name);
    }
    if (rows.length < 50_000) return { ids, names };
    after = rows[rows.length - 1].person_id;
  }
}

/** fuse.js with its defaults and includeScore; the index is built before any query is timed. */
export function measureFuse(
  list: { ids: string[]; names: string[] },
  queries: readonly string[],
  warmup: readonly string[],
): BaselineResult & { indexSeconds: number } {
  const started = performance.now();
  const fuse = new Fuse(list.names, { includeScore: true });
  const indexSeconds = (performance.now() - started) / 1000;
  say(`fuse.js: index over ${list.names.length} names built in ${indexSeconds.toFixed(1)} s`);
  for (const query of warmup) fuse.search(query, { limit: 10 });
  const times: number[] = [];
  const ranked: string[][] = [];
  for (const [index, query] of queries.entries()) {
    const begin = performance.now();
    const results = fuse.search(query, { limit: 10 });
    times.push(performance.now() - begin);
    ranked.push(results.map((r) => list.ids[r.refIndex]));
    if ((index + 1) % 20 === 0) say(`fuse.js: ${index + 1}/${queries.length} queries`);
  }
  return { times, ranked, indexSeconds };
}

const TRGM_SQL = `SELECT person_id FROM bench_trgm_name WHERE name % $1 ORDER BY similarity(name, $1) DESC LIMIT 10`;

/** pg_trgm: `name % $1` (default threshold) through the GIN index, ten best by similarity; timed from the client. */
export async function measureTrgm(pool: pg.Pool, queries: readonly string[], warmup: readonly string[]): Promise<BaselineResult> {
  const client = await pool.connect();
  try {
    for (const query of warmup) await client.query(TRGM_SQL, [query]);
    const times: number[] = [];
    const ranked: string[][] = [];
    for (const query of queries) {
      const begin = performance.now();
      const { rows } = await client.query<{ person_id: string }>(TRGM_SQL, [query]);
      times.push(performance.now() - begin);
      ranked.push(rows.map((r) => r.person_id));
    }
    return { times, ranked };
  } finally {
    client.release();
  }
}
