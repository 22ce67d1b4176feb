import type { EntityManager } from 'typeorm';

export interface BlockingQuery {
  personId: string;
  requestId: string;
  /** the record's organisation and those with a live sharing agreement with it */
  organisationIds: readonly string[];
  keys: readonly string[];
  limit: number;
  /** A key held by this many records or more is hot (see BLOCKING_HOT_KEY_ROWS). */
  hotKeyRows: number;
}

export interface BlockedCandidate {
  personId: string;
  sharedKeys: number;
}

/**
 * Candidate person ids for one record, by index probes on (organisation, key): the records sharing
 * the most keys first, capped at `limit`. Targets only (an enquirer who did not agree to be found
 * is never returned), never the record's own request.
 *
 * Frequent names make hot keys (a metaphone code shared by a third of all records), and one hot
 * key would turn the lookup into a scan. So each key is first probed by counting at most
 * `hotKeyRows` index entries; hot keys are left out while the record has selective ones (its pair,
 * decade and rare-token keys), and when every key is hot each is read only up to that many rows.
 * The work is bounded by keys × hotKeyRows whatever the table's size. Keys come as one array
 * parameter: the same lookup written with a subquery made PostgreSQL scan the table.
 * Organisations come as an array too: the record's own and its live sharing partners.
 */
export const BLOCKING_SQL = `
  WITH probe AS (
    SELECT q.key,
           (SELECT count(*) FROM (
              SELECT 1 FROM person_name_key c WHERE c.organisation_id = ANY($1::uuid[]) AND c.key = q.key LIMIT $5
            ) held) < $5 AS selective
    FROM unnest($2::text[]) AS q(key)
  ), chosen AS (
    SELECT key FROM probe WHERE selective OR NOT EXISTS (SELECT 1 FROM probe WHERE selective)
  ), hits AS (
    SELECT k.person_id
    FROM chosen
    CROSS JOIN LATERAL (
      SELECT c.person_id FROM person_name_key c
      WHERE c.organisation_id = ANY($1::uuid[]) AND c.key = chosen.key AND c.is_target
      LIMIT $5
    ) k
  )
  SELECT h.person_id AS "personId", count(*)::int AS "sharedKeys"
  FROM hits h
  WHERE h.person_id NOT IN (SELECT p.id FROM person_record p WHERE p.request_id = $3)
  GROUP BY h.person_id
  ORDER BY count(*) DESC, h.person_id
  LIMIT $4`;

export async function findCandidates(manager: EntityManager, query: BlockingQuery): Promise<BlockedCandidate[]> {
  if (query.keys.length === 0) return [];
  return manager.query(BLOCKING_SQL, [query.organisationIds, query.keys, query.requestId, query.limit, query.hotKeyRows]);
}
