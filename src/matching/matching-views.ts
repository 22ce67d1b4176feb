import type { EntityManager } from 'typeorm';
import { BLOCKING_SQL, blockingParameters, learnHotKeys, type BlockingQuery } from './candidate-blocking.js';
import { isSealed, type FieldVault } from '../key-store/field-vault.js';
import { SubjectErasedError } from '../key-store/key-store.js';
import { openMatchProfile, type MatchProfile } from '../persons/sealed-person.js';
import type { EngineRole, EngineSex, PersonForMatching } from './engine/person-for-matching.js';
import { toPersonForMatching } from './name-keys.js';
import { queryPrepared } from '../database/prepared-query.js';

/** A stored person as the matcher needs them: ids for the job, the engine's view for scoring. */
export interface MatchingView {
  id: string;
  /** the record's version as read: a candidate row is written only while it is still current (candidate-writer.ts) */
  version: number;
  requestId: string;
  role: EngineRole;
  /** the request's enquirer did not agree to be found: they must never make anyone's match */
  requestHidden: boolean;
  engine: PersonForMatching;
}

interface ViewRow {
  id: string;
  version: number;
  requestId: string;
  role: EngineRole;
  requestHidden: boolean;
  sex: EngineSex;
  birthEarliest: string | null;
  birthLatest: string | null;
  placeOfBirthCountry: string | null;
  lastKnownCountry: string | null;
  /** names and place of birth, sealed with the person's key */
  matchProfile: string | null;
}

/**
 * Only the matching-relevant columns, in one statement: a match job reads up to a few hundred
 * candidates, and loading them as entities with a join cost more than scoring them. Names and the
 * place of birth come as the person's sealed match profile, one value to open per person (decision
 * 0028). Dates come as ISO text (pg would make Date objects of them). Whether the request is hidden
 * comes along, as a statement of its own cost a round trip per job.
 */
const VIEW_COLUMNS = `
  p.id, p.version, p.request_id AS "requestId", p.role, p.sex,
  p.birth_earliest::text AS "birthEarliest", p.birth_latest::text AS "birthLatest",
  p.place_of_birth_country AS "placeOfBirthCountry", p.last_known_country AS "lastKnownCountry",
  EXISTS (SELECT 1 FROM intake_consent ic WHERE ic.request_id = p.request_id AND NOT ic.agrees_to_be_found) AS "requestHidden",
  p.match_profile AS "matchProfile"`;

/**
 * The given people ($1) and everyone in the given requests ($2), in one statement: a job's
 * candidates with its own request (for the record's counterparts), then the requests of only the
 * candidates for which reciprocity could matter. Ordered by id so results are deterministic.
 * Index lookups only (a test checks it).
 */
export const PEOPLE_SQL = `
  SELECT ${VIEW_COLUMNS} FROM person_record p
  WHERE p.id = ANY($1::uuid[]) OR p.request_id = ANY($2::uuid[])
  ORDER BY p.id`;

/**
 * Blocking and the rows it found in one statement, with everyone in the record's own request
 * (for its counterparts): the candidates' ids no longer travel to the client and back, a round
 * trip less per job. The two halves are a UNION rather than one OR, which PostgreSQL could only
 * answer with a scan of person_record; blocking never returns the record's own request, so
 * nothing is read twice. Ordered by id so results are deterministic.
 */
export const BLOCKED_PEOPLE_SQL = `
  WITH blocked AS (${BLOCKING_SQL})
  SELECT ${VIEW_COLUMNS}, b."hotKeys" FROM blocked b JOIN person_record p ON p.id = b."personId"
  UNION ALL
  SELECT ${VIEW_COLUMNS}, NULL FROM person_record p WHERE p.request_id = $3
  ORDER BY id`;

/** What BLOCKED_PEOPLE_SQL returns, split: blocking's candidates, and the people of the record's own request. */
export interface BlockedPeople {
  candidates: MatchingView[];
  ownRequest: MatchingView[];
}

export async function loadBlockedPeople(
  manager: EntityManager,
  vault: FieldVault,
  query: Omit<BlockingQuery, 'personId'>,
): Promise<BlockedPeople> {
  if (query.keys.length === 0) return { candidates: [], ownRequest: [] };
  const rows = learnHotKeys(
    query,
    await queryPrepared<ViewRow & { hotKeys: string[] | null }>(manager, BLOCKED_PEOPLE_SQL, blockingParameters(query)),
  );
  const views = await openViews(vault, rows);
  return {
    candidates: views.filter((view) => view.requestId !== query.requestId),
    ownRequest: views.filter((view) => view.requestId === query.requestId),
  };
}

/**
 * PEOPLE_SQL's people, opened, but for those in `known` (already opened by the caller, e.g. the
 * candidates whose requests are read for reciprocity): opening a profile costs a key unwrap and a
 * decryption, and about half of the people of the candidates' requests are the candidates.
 */
export async function loadPeople(
  manager: EntityManager,
  vault: FieldVault,
  personIds: readonly string[],
  requestIds: readonly string[],
  known: ReadonlySet<string> = new Set(),
): Promise<MatchingView[]> {
  if (personIds.length === 0 && requestIds.length === 0) return [];
  const rows = await queryPrepared<ViewRow>(manager, PEOPLE_SQL, [personIds, requestIds]);
  return openViews(
    vault,
    rows.filter((row) => !known.has(row.id)),
  );
}

/**
 * The engine's views of the rows, their profiles opened with keys fetched in one read. A person
 * erased since blocking read them (their key destroyed, their rows about to go) is left out, as
 * if blocking had not found them.
 */
async function openViews(vault: FieldVault, rows: readonly ViewRow[]): Promise<MatchingView[]> {
  // Keys only for sealed profiles: a record from before decision 0028 is read as it is until sealed.
  const keys = await vault.preload(rows.filter((row) => row.matchProfile !== null && isSealed(row.matchProfile)).map((row) => row.id));
  const views: MatchingView[] = [];
  for (const row of rows) {
    let profile: MatchProfile = { names: [], placeOfBirth: null };
    try {
      if (row.matchProfile !== null) profile = await openMatchProfile(vault, row.id, row.matchProfile, keys);
    } catch (error) {
      if (error instanceof SubjectErasedError) continue;
      throw error;
    }
    views.push({
      id: row.id,
      version: row.version,
      requestId: row.requestId,
      role: row.role,
      requestHidden: row.requestHidden,
      engine: toPersonForMatching({ ...row, placeOfBirth: profile.placeOfBirth }, profile.names),
    });
  }
  return views;
}
