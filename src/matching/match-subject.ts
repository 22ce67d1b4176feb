import type { EntityManager } from 'typeorm';
import type { FieldVault, PreloadedKeys } from '../key-store/field-vault.js';
import { SubjectErasedError } from '../key-store/key-store.js';
import { openMatchProfile } from '../persons/sealed-person.js';
import type { RequestLifecycle } from '../tracing-requests/request-vocabulary.js';
import type { EngineNamePart, EngineRole, EngineSex } from './engine/person-for-matching.js';
import { MATCHER_VERSION } from './engine/person-for-matching.js';
import { queryPrepared } from '../database/prepared-query.js';
import { COMMIT_WITHOUT_WAITING_FOR_DISK_COLUMN } from './lazy-commit.js';

/** The record a match job is about, read and locked in one statement: everything the job needs of it. */
export interface MatchSubject {
  id: string;
  requestId: string;
  /** the request's organisation */
  organisationId: string;
  lifecycle: RequestLifecycle;
  /** the request's status when locked */
  requestStatus: string;
  role: EngineRole;
  status: string;
  version: number;
  sex: EngineSex;
  birthEarliest: string | null;
  birthLatest: string | null;
  placeOfBirth: string | null;
  placeOfBirthCountry: string | null;
  lastKnownCountry: string | null;
  names: { value: string; part: EngineNamePart }[];
  /** the request's enquirer agreed to be found (null: no intake consent recorded) */
  agreesToBeFound: boolean | null;
  /** the record's stored blocking keys (blind indexes) */
  keys: string[];
  /** every stored key was made by this matcher version (false when there are none) */
  keysCurrent: boolean;
  /** the organisation and those with a live sharing agreement with it */
  organisationIds: string[];
}

/**
 * One statement instead of seven (request id, request lock, person lock, names, keys, consent,
 * sharing partners), each of which was a round trip, and two of them TypeORM entity hydrations.
 *
 * The request and the person are locked `FOR NO KEY UPDATE OF r, p`: PostgreSQL locks the rows of
 * one statement in the order of the OF list, so the request is locked before the person, the order
 * every writer locks in. NO KEY UPDATE still keeps writers out, but not the foreign-key checks of
 * other jobs' candidate rows that name this person: with FOR UPDATE, two jobs whose records were
 * each other's candidates waited on each other's person row (decision 0008).
 * The match profile (names, place of birth; sealed) and keys are read under the person's lock:
 * they change only with the person's version.
 */
const subjectSelect = (extraColumns = '') => `
  SELECT ${extraColumns} p.id, p.request_id AS "requestId", r.organisation_id AS "organisationId", r.lifecycle, r.status AS "requestStatus",
         p.role, p.status, p.version, p.sex,
         p.birth_earliest::text AS "birthEarliest", p.birth_latest::text AS "birthLatest",
         p.match_profile AS "matchProfile", p.place_of_birth_country AS "placeOfBirthCountry",
         p.last_known_country AS "lastKnownCountry",
         (SELECT ic.agrees_to_be_found FROM intake_consent ic WHERE ic.request_id = r.id) AS "agreesToBeFound",
         k.keys, k.current AS "keysCurrent",
         (ARRAY[r.organisation_id::text] || ARRAY(
            SELECT (CASE WHEN sa.organisation_a_id = r.organisation_id THEN sa.organisation_b_id ELSE sa.organisation_a_id END)::text
            FROM sharing_agreement sa
            WHERE (sa.organisation_a_id = r.organisation_id OR sa.organisation_b_id = r.organisation_id)
              AND sa.withdrawn_at IS NULL AND sa.approved_at_a IS NOT NULL AND sa.approved_at_b IS NOT NULL
            ORDER BY 1)) AS "organisationIds"
  FROM person_record p
  JOIN tracing_request r ON r.id = p.request_id
  CROSS JOIN LATERAL (
    SELECT coalesce(array_agg(nk.key), '{}') AS keys, coalesce(bool_and(nk.matcher_version = $2), false) AS current
    FROM person_name_key nk WHERE nk.person_id = p.id
  ) k
`;

/** Also sets the job's transaction to commit without waiting for the disk (lazy-commit.ts). */
const SUBJECT_SQL = `${subjectSelect(`${COMMIT_WITHOUT_WAITING_FOR_DISK_COLUMN},`)} WHERE p.id = $1 FOR NO KEY UPDATE OF r, p`;

/** The records of a chunk, read without locks (the chunk locks them only to write; see matchChunk). */
const SUBJECTS_SQL = `${subjectSelect()} WHERE p.id = ANY($1::uuid[]) ORDER BY p.id`;

type SubjectRow = Omit<MatchSubject, 'names' | 'placeOfBirth'> & { matchProfile: string | null; commitsLazily?: string };

/**
 * Locks the job's request and person and reads them, names opened; null when the person is gone.
 * The transaction then commits without waiting for the disk (decision 0033): call it first.
 */
export async function lockMatchSubject(manager: EntityManager, vault: FieldVault, personId: string): Promise<MatchSubject | null> {
  const [row] = await queryPrepared<SubjectRow>(manager, SUBJECT_SQL, [personId, MATCHER_VERSION]);
  if (!row) return null;
  return openSubject(vault, row);
}

/** Reads the records of a chunk of match jobs without locking them, names opened; the missing are left out. */
export async function readMatchSubjects(manager: EntityManager, vault: FieldVault, personIds: readonly string[]): Promise<MatchSubject[]> {
  const rows = await queryPrepared<SubjectRow>(manager, SUBJECTS_SQL, [personIds, MATCHER_VERSION]);
  const keys = await vault.preload(rows.map((row) => row.id));
  const subjects: MatchSubject[] = [];
  for (const row of rows) {
    try {
      subjects.push(await openSubject(vault, row, keys));
    } catch (error) {
      // Erased since it was queued: its job has nothing left to do.
      if (!(error instanceof SubjectErasedError)) throw error;
    }
  }
  return subjects;
}

async function openSubject(vault: FieldVault, row: SubjectRow, keys?: PreloadedKeys): Promise<MatchSubject> {
  const { matchProfile, commitsLazily: _, ...subject } = row;
  // A record written before match profiles existed has none until `cli rotate-keys` makes it.
  const profile = matchProfile === null ? { names: [], placeOfBirth: null } : await openMatchProfile(vault, row.id, matchProfile, keys);
  return { ...subject, names: profile.names, placeOfBirth: profile.placeOfBirth };
}
