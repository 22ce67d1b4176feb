import type { EntityManager } from 'typeorm';
import type { BlindIndex } from '../key-store/blind-index.js';
import type { PersonRecord } from '../persons/entities/person-record.entity.js';
import { blockingKeys } from './engine/blocking-keys.js';
import { MATCHER_VERSION, type PersonForMatching } from './engine/person-for-matching.js';
import { PersonNameKey } from './entities/person-name-key.entity.js';

export type PersonFields = Pick<
  PersonRecord,
  'id' | 'role' | 'sex' | 'birthEarliest' | 'birthLatest' | 'placeOfBirth' | 'placeOfBirthCountry' | 'lastKnownCountry'
>;

/** The engine's view of a person record: names, birth range, sex, countries. No contact details, no free text. */
export function toPersonForMatching(person: PersonFields, names: PersonForMatching['names']): PersonForMatching {
  return {
    id: person.id,
    role: person.role,
    sex: person.sex,
    names,
    birth: person.birthEarliest && person.birthLatest ? { earliest: person.birthEarliest, latest: person.birthLatest } : null,
    placeOfBirth:
      person.placeOfBirth || person.placeOfBirthCountry ? { text: person.placeOfBirth, country: person.placeOfBirthCountry } : null,
    lastKnownCountry: person.lastKnownCountry,
  };
}

/** A person's blocking keys as stored and looked up: blind indexes of the engine's keys (decision 0028). */
export function storedBlockingKeys(index: BlindIndex, person: PersonForMatching): string[] {
  return index.ofAll(blockingKeys(person));
}

/** The key rows of one person, ready to insert. */
export function nameKeyRows(index: BlindIndex, person: PersonForMatching, organisationId: string, isTarget: boolean): PersonNameKey[] {
  return storedBlockingKeys(index, person).map((key) => ({
    organisationId,
    key,
    personId: person.id,
    isTarget,
    matcherVersion: MATCHER_VERSION,
  }));
}

/**
 * Replaces a person's blocking keys inside the caller's transaction. `isTarget` is false for an
 * enquirer who did not agree to be found: their keys let them search, never be found.
 */
export async function replaceNameKeys(
  manager: EntityManager,
  index: BlindIndex,
  person: PersonForMatching,
  organisationId: string,
  isTarget: boolean,
): Promise<void> {
  await manager.delete(PersonNameKey, { personId: person.id });
  const rows = nameKeyRows(index, person, organisationId, isTarget);
  if (rows.length > 0) await manager.insert(PersonNameKey, rows);
}

/**
 * A withdrawn request leaves matching at once: its people's keys go (nobody finds them any more)
 * and their open candidates are withdrawn from the review queue. Decided candidates stay as history.
 */
export async function withdrawFromMatching(manager: EntityManager, requestId: string): Promise<void> {
  const people = `SELECT id FROM person_record WHERE request_id = $1`;
  await manager.query(`DELETE FROM person_name_key WHERE person_id IN (${people})`, [requestId]);
  await manager.query(
    `UPDATE candidate_match SET review_status = 'withdrawn', updated_at = now()
     WHERE review_status IN ('pending', 'need_more_info', 'awaiting_second_review') AND (person_a_id IN (${people}) OR person_b_id IN (${people}))`,
    [requestId],
  );
}
