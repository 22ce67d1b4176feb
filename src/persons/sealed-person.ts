import type { FieldVault, PreloadedKeys } from '../key-store/field-vault.js';
import type { PersonRecord } from './entities/person-record.entity.js';
import type { NamePart } from './person-vocabulary.js';

/**
 * What the matcher reads of a person, stored as one sealed value (`person_record.match_profile`):
 * a match job opens a few hundred candidates, and one value each costs one decryption instead of
 * one per name and place (decision 0028).
 */
export interface MatchProfile {
  names: { value: string; part: NamePart }[];
  placeOfBirth: string | null;
}

const personKey = (id: string) => ({ id, type: 'person' as const });

type SealedDetails = Pick<PersonRecord, 'placeOfBirth' | 'lastKnownPlace' | 'birthDateOriginal'>;

/** The person's identifying free texts sealed with their key; everything else as given. */
export async function sealPersonDetails<T extends SealedDetails>(vault: FieldVault, personId: string, details: T): Promise<T> {
  const subject = personKey(personId);
  return {
    ...details,
    placeOfBirth: await vault.seal(subject, 'place_of_birth', details.placeOfBirth),
    lastKnownPlace: await vault.seal(subject, 'last_known_place', details.lastKnownPlace),
    birthDateOriginal: await vault.seal(subject, 'birth_date_original', details.birthDateOriginal),
  };
}

export function sealName(vault: FieldVault, personId: string, value: string): Promise<string> {
  return vault.seal(personKey(personId), 'name', value);
}

export function sealMatchProfile(vault: FieldVault, personId: string, profile: MatchProfile): Promise<string> {
  const { names, placeOfBirth } = profile;
  return vault.seal(
    personKey(personId),
    'match_profile',
    JSON.stringify({ names: names.map(({ value, part }) => ({ value, part })), placeOfBirth }),
  );
}

export async function openMatchProfile(vault: FieldVault, personId: string, stored: string, keys?: PreloadedKeys): Promise<MatchProfile> {
  return JSON.parse((await vault.open(personKey(personId), 'match_profile', stored, keys)) as string) as MatchProfile;
}

/**
 * Opens, in place, what a loaded person record holds sealed: names (when loaded), places, the
 * birth date's words. Only where a person is shown to someone allowed to see them.
 */
export async function openPersonRecord(vault: FieldVault, person: PersonRecord): Promise<PersonRecord> {
  const subject = personKey(person.id);
  person.placeOfBirth = await vault.open(subject, 'place_of_birth', person.placeOfBirth);
  person.lastKnownPlace = await vault.open(subject, 'last_known_place', person.lastKnownPlace);
  person.birthDateOriginal = await vault.open(subject, 'birth_date_original', person.birthDateOriginal);
  for (const name of person.names ?? []) name.value = (await vault.open(subject, 'name', name.value)) as string;
  return person;
}
