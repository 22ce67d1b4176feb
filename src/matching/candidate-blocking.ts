import type { EntityManager } from 'typeorm';

export interface BlockingQuery {
  personId: string;
  requestId: string;
  organisationId: string;
  keys: readonly string[];
  limit: number;
}

export interface BlockedCandidate {
  personId: string;
  sharedKeys: number;
}

/**
 * Candidate person ids for one record, by index probes on (organisation, key): the records sharing
 * the most keys first, capped at `limit`. Targets only (an enquirer who did not agree to be found
 * is never returned), never the record's own request. Cross-organisation matching under a sharing
 * agreement will widen the organisation filter.
 */
export const BLOCKING_SQL = `
  SELECT k.person_id AS "personId", count(*)::int AS "sharedKeys"
  FROM person_name_key k
  WHERE k.organisation_id = $1
    AND k.key = ANY($2::text[])
    AND k.is_target
    AND k.person_id NOT IN (SELECT p.id FROM person_record p WHERE p.request_id = $3)
  GROUP BY k.person_id
  ORDER BY count(*) DESC, k.person_id
  LIMIT $4`;

export async function findCandidates(manager: EntityManager, query: BlockingQuery): Promise<BlockedCandidate[]> {
  if (query.keys.length === 0) return [];
  return manager.query(BLOCKING_SQL, [query.organisationId, query.keys, query.requestId, query.limit]);
}
