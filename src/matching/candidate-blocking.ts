import type { EntityManager } from 'typeorm';
import { blockingKeyWeight } from './engine/blocking-keys.js';
import type { HotKeyMemo } from './hot-key-memo.js';
import { queryPrepared } from '../database/prepared-query.js';

export interface BlockingQuery {
  personId: string;
  requestId: string;
  /** the record's organisation and those with a live sharing agreement with it */
  organisationIds: readonly string[];
  keys: readonly string[];
  limit: number;
  /** A key held by this many records or more is hot (see BLOCKING_HOT_KEY_ROWS). */
  hotKeyRows: number;
  /** Keys this process knows to be hot, so they are not counted again; learns those found hot. */
  hotKeys?: HotKeyMemo;
}

export interface BlockedCandidate {
  personId: string;
  sharedKeys: number;
  /** what ranked the candidate: the sum of its shared keys' weights (see BLOCKING_SQL) */
  weight: number;
}

/**
 * Candidate person ids for one record, by index probes on (organisation, key): the best-ranked
 * records first, capped at `limit`. Targets only (an enquirer who did not agree to be found is
 * never returned), never the record's own request.
 *
 * Frequent names make hot keys (a metaphone code shared by a third of all records), and one hot
 * key would turn the lookup into a scan. So each key is first probed by counting at most
 * `hotKeyRows` index entries; hot keys are left out while the record has selective ones (its pair,
 * decade and rare-token keys), and when every key is hot each is read only up to that many rows.
 * The work is bounded by keys × hotKeyRows whatever the table's size. Keys come as one array
 * parameter: the same lookup written with a subquery made PostgreSQL scan the table.
 *
 * Ranking: a shared key weighs its kind's weight ($6, from the engine) times 1 + ln(hotKeyRows /
 * rows holding it), so a rare key says more than a common one; the probe has counted those rows
 * already. Each weight is rounded to a multiple of 1/1024, so float sums are exact and the order
 * does not depend on the order rows were added in (numeric sums did the same at 1.6× the cost of
 * the whole statement). A plain count of shared keys ranked three common codes above one rare pair of names,
 * and the cap then cut true matches (docs/decisions/0009-fewer-candidates-scored.md).
 * Organisations come as an array too: the record's own and its live sharing partners.
 *
 * Keys the caller knows to be hot ($7, from a HotKeyMemo) are taken as holding `hotKeyRows` rows
 * without being counted – what counting would find – so the same candidates come back for less:
 * counting up to 1,000 entries of each hot key was most of the statement at a million records
 * (decision 0034). The keys counted and found hot come back on the first row, for the memo.
 */
export const BLOCKING_SQL = `
  WITH probe AS (
    SELECT q.key, q.kind_weight, q.known,
           CASE WHEN q.known THEN $5::float8 ELSE (SELECT count(*) FROM (
              SELECT 1 FROM person_name_key c WHERE c.organisation_id = ANY($1::uuid[]) AND c.key = q.key LIMIT $5
            ) held)::float8 END AS held
    FROM (SELECT u.key, u.kind_weight, u.key = ANY($7::text[]) AS known
          FROM unnest($2::text[], $6::float8[]) AS u(key, kind_weight)) q
  ), chosen AS (
    SELECT key, round(1024 * kind_weight * (1 + ln($5::float8 / greatest(held, 1)))) / 1024 AS weight
    FROM probe WHERE held < $5 OR NOT EXISTS (SELECT 1 FROM probe WHERE held < $5)
  ), hits AS (
    SELECT k.person_id, chosen.weight
    FROM chosen
    CROSS JOIN LATERAL (
      SELECT c.person_id FROM person_name_key c
      WHERE c.organisation_id = ANY($1::uuid[]) AND c.key = chosen.key AND c.is_target
      LIMIT $5
    ) k
  )
  SELECT h.person_id AS "personId", count(*)::int AS "sharedKeys", sum(h.weight) AS weight,
         CASE WHEN row_number() OVER (ORDER BY sum(h.weight) DESC, count(*) DESC, h.person_id) = 1
              THEN ARRAY(SELECT key FROM probe WHERE held >= $5 AND NOT known) END AS "hotKeys"
  FROM hits h
  WHERE h.person_id NOT IN (SELECT p.id FROM person_record p WHERE p.request_id = $3)
  GROUP BY h.person_id
  ORDER BY sum(h.weight) DESC, count(*) DESC, h.person_id
  LIMIT $4`;

/** BLOCKING_SQL's parameters, in order. */
export function blockingParameters(query: Omit<BlockingQuery, 'personId'>): unknown[] {
  const knownHot = query.hotKeys?.knownHot(query.organisationIds, query.hotKeyRows, query.keys) ?? [];
  return [query.organisationIds, query.keys, query.requestId, query.limit, query.hotKeyRows, query.keys.map(blockingKeyWeight), knownHot];
}

/** What a row of BLOCKING_SQL holds besides the candidate: the first row's newly counted hot keys. */
interface HotKeysColumn {
  hotKeys: string[] | null;
}

/** Gives the memo the hot keys the statement counted, from its first row, and drops the column. */
export function learnHotKeys<Row extends HotKeysColumn>(
  query: Omit<BlockingQuery, 'personId'>,
  rows: readonly Row[],
): Omit<Row, 'hotKeys'>[] {
  const counted = rows.find((row) => row.hotKeys !== null)?.hotKeys;
  if (counted && counted.length > 0) query.hotKeys?.learn(query.organisationIds, query.hotKeyRows, counted);
  return rows.map(({ hotKeys: _, ...row }) => row);
}

export async function findCandidates(manager: EntityManager, query: BlockingQuery): Promise<BlockedCandidate[]> {
  if (query.keys.length === 0) return [];
  return learnHotKeys(query, await queryPrepared<BlockedCandidate & HotKeysColumn>(manager, BLOCKING_SQL, blockingParameters(query)));
}
