import { blockingKeyWeight } from '../../matching/engine/blocking-keys.js';

/** The hot-key cap the service uses by default (BLOCKING_HOT_KEY_ROWS): rarity is read against it. */
export const HOT_KEY_ROWS = 1000;

/** One key a candidate shares with the record, and how many rows hold it (as blocking probes it, capped). */
export interface SharedKey {
  key: string;
  held: number;
}

export type Ranker = (shared: readonly SharedKey[]) => number;

const rarity = (held: number): number => Math.log(HOT_KEY_ROWS / Math.max(1, held));
const kindOf = (key: string): string => key.slice(0, key.indexOf(':'));
const byKind =
  (weights: Record<string, number>): ((key: string) => number) =>
  (key) =>
    weights[kindOf(key)] ?? 1;
const heavierPairs = byKind({ p: 4, d: 3, s: 1, c: 1, x: 0.5, m: 0.25 });
const flatter = byKind({ p: 2, d: 2, s: 1, c: 1, x: 1, m: 0.5 });

/**
 * Ways to rank a record's blocked candidates, higher first. `count` is what blocking did before
 * decision 0009; `service` is what it does now (BLOCKING_SQL: kind weight × (1 + rarity)).
 */
export const RANKERS: Readonly<Record<string, Ranker>> = {
  count: (s) => s.length,
  rarity: (s) => s.reduce((sum, k) => sum + rarity(k.held), 0),
  onePlusRarity: (s) => s.reduce((sum, k) => sum + 1 + rarity(k.held), 0),
  kind: (s) => s.reduce((sum, k) => sum + blockingKeyWeight(k.key), 0),
  heavierPairs: (s) => s.reduce((sum, k) => sum + heavierPairs(k.key), 0),
  flatter: (s) => s.reduce((sum, k) => sum + flatter(k.key), 0),
  service: (s) => s.reduce((sum, k) => sum + blockingKeyWeight(k.key) * (1 + rarity(k.held)), 0),
  heavierPairsTimesRarity: (s) => s.reduce((sum, k) => sum + heavierPairs(k.key) * (1 + rarity(k.held)), 0),
  kindPlusHalfRarity: (s) => s.reduce((sum, k) => sum + blockingKeyWeight(k.key) + 0.5 * rarity(k.held), 0),
};

/** Each ranker's order of the candidates in `rows`; ties by more shared keys, then by id, as the service breaks them. */
export function rankAll(rows: readonly ({ personId: string } & SharedKey)[]): Map<string, string[]> {
  const byPerson = new Map<string, SharedKey[]>();
  for (const row of rows) {
    const list = byPerson.get(row.personId) ?? [];
    list.push(row);
    byPerson.set(row.personId, list);
  }
  const ranked = new Map<string, string[]>();
  for (const [name, rank] of Object.entries(RANKERS)) {
    const order = [...byPerson.entries()]
      .map(([id, shared]) => ({ id, weight: rank(shared), count: shared.length }))
      .sort((x, y) => y.weight - x.weight || y.count - x.count || (x.id < y.id ? -1 : 1));
    ranked.set(
      name,
      order.map((o) => o.id),
    );
  }
  return ranked;
}

/** Every shared key of every candidate, uncapped, with each key's probed row count, as BLOCKING_SQL chooses keys. */
export const SHARED_KEYS_SQL = `
  WITH probe AS (
    SELECT q.key,
           (SELECT count(*) FROM (
              SELECT 1 FROM person_name_key c WHERE c.organisation_id = $1 AND c.key = q.key LIMIT $4
            ) held)::int AS held
    FROM unnest($2::text[]) AS q(key)
  ), chosen AS (
    SELECT key, held FROM probe WHERE held < $4 OR NOT EXISTS (SELECT 1 FROM probe WHERE held < $4)
  )
  SELECT c.person_id AS "personId", chosen.key, chosen.held
  FROM chosen JOIN person_name_key c ON c.organisation_id = $1 AND c.key = chosen.key AND c.is_target
  WHERE c.person_id NOT IN (SELECT p.id FROM person_record p WHERE p.request_id = $3)`;
