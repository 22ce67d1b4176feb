/**
 * What the run checks in Postgres, the source of truth: accepted work is there, every record's
 * current version has a finished match run, and each candidate pair is stored once.
 */
import type pg from 'pg';
import { MATCHER_VERSION } from '../matching/engine/person-for-matching.js';
import type { AcceptedWork } from './accepted-work.js';

export interface LostWork {
  /** accepted requests with no row */
  requests: number;
  /** accepted person versions whose record is missing or at an older version */
  personVersions: number;
}

export async function findLostWork(pool: pg.Pool, work: AcceptedWork): Promise<LostWork> {
  const requestIds = [...work.requests.keys()];
  const { rows: stored } = await pool.query<{ id: string }>(`SELECT id FROM tracing_request WHERE id = ANY($1::uuid[])`, [requestIds]);
  const accepted = work.personVersions();
  const { rows: persons } = await pool.query<{ id: string; version: number }>(
    `SELECT id, version FROM person_record WHERE id = ANY($1::uuid[])`,
    [accepted.map((p) => p.personId)],
  );
  const versions = new Map(persons.map((p) => [p.id, p.version]));
  return {
    requests: requestIds.length - stored.length,
    personVersions: accepted.filter((p) => (versions.get(p.personId) ?? 0) < p.version).length,
  };
}

/**
 * Records of open requests whose current version has no finished run of the current matcher: the
 * reconciler's own question, with no minimum age. Every record counts, also those of calls the
 * client saw fail but the database committed.
 */
export async function countUnmatched(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n
     FROM person_record p
     JOIN tracing_request r ON r.id = p.request_id AND r.lifecycle = 'open'
     WHERE NOT EXISTS (
       SELECT 1 FROM match_run m WHERE m.person_id = p.id AND m.person_version = p.version AND m.matcher_version = $1)`,
    [MATCHER_VERSION],
  );
  return rows[0].n;
}

export interface StoredPairs {
  /** candidate rows in all */
  candidates: number;
  /** unordered pairs (per matcher version) stored more than once */
  duplicated: number;
  /** match runs stored more than once for one person version and matcher version */
  duplicatedRuns: number;
}

export async function countPairs(pool: pg.Pool): Promise<StoredPairs> {
  const { rows } = await pool.query<StoredPairs>(
    `SELECT
       (SELECT count(*)::int FROM candidate_match) AS candidates,
       (SELECT count(*)::int FROM (
          SELECT 1 FROM candidate_match
          GROUP BY least(person_a_id, person_b_id), greatest(person_a_id, person_b_id), matcher_version
          HAVING count(*) > 1) d) AS duplicated,
       (SELECT count(*)::int FROM (
          SELECT 1 FROM match_run GROUP BY person_id, person_version, matcher_version HAVING count(*) > 1) r) AS "duplicatedRuns"`,
  );
  return rows[0];
}
