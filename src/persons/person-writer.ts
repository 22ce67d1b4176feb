import type { EntityManager } from 'typeorm';
import { InvalidInputError } from '../common/errors/domain-errors.js';
import { BirthDateProblem, deriveBirthRange } from './birth-dates/derive-birth-range.js';
import type { CalendarDate } from './birth-dates/calendars.js';
import type { ContactDto, PersonInputDto } from './dto/person-input.dto.js';
import { NameVariant } from './entities/name-variant.entity.js';
import { PersonContact } from './entities/person-contact.entity.js';
import type { FieldVault } from '../key-store/field-vault.js';
import { PersonRecord } from './entities/person-record.entity.js';
import { sealMatchProfile, sealName } from './sealed-person.js';

/** The columns of a person record that come from the officer's input (names apart). */
export type PersonDetails = Pick<
  PersonRecord,
  | 'sex'
  | 'birthDateKind'
  | 'birthCalendar'
  | 'birthDateInput'
  | 'birthDateOriginal'
  | 'birthEarliest'
  | 'birthLatest'
  | 'placeOfBirth'
  | 'placeOfBirthCountry'
  | 'lastKnownPlace'
  | 'lastKnownCountry'
  | 'lastKnownDate'
  | 'nationality'
  | 'languages'
>;

/** Turns validated input into columns, deriving the Gregorian birth range; `field` prefixes error paths. */
export function personDetails(input: PersonInputDto, today: CalendarDate, field: string): PersonDetails {
  const birth = input.birthDate;
  let range: { earliest: string; latest: string } | null = null;
  if (birth) {
    try {
      range = deriveBirthRange(birth, today);
    } catch (error) {
      if (error instanceof BirthDateProblem) throw new InvalidInputError(`${field}.birthDate.${error.field}`, error.message);
      throw error;
    }
  }
  const known = birth && birth.kind !== 'unknown';
  const { original, ...structured } = birth ?? { kind: 'unknown' as const };
  return {
    sex: input.sex ?? 'unknown',
    birthDateKind: birth?.kind ?? 'unknown',
    birthCalendar: known ? (birth.calendar ?? 'gregorian') : null,
    birthDateInput: birth ? { ...structured, calendar: known ? (birth.calendar ?? 'gregorian') : birth.calendar } : null,
    birthDateOriginal: original ?? null,
    birthEarliest: range?.earliest ?? null,
    birthLatest: range?.latest ?? null,
    placeOfBirth: input.placeOfBirth?.place ?? null,
    placeOfBirthCountry: input.placeOfBirth?.country ?? null,
    lastKnownPlace: input.lastKnownPlace?.place ?? null,
    lastKnownCountry: input.lastKnownPlace?.country ?? null,
    lastKnownDate: input.lastKnownPlace?.date ?? null,
    nationality: input.nationality ?? null,
    languages: input.languages ?? [],
  };
}

/**
 * Replaces a person's name variants, keeping the given order, and the match profile made of them
 * and the place of birth (`placeOfBirth` in plaintext). Values are stored exactly as submitted,
 * sealed with the person's key (decision 0028).
 */
export async function replaceNames(
  manager: EntityManager,
  vault: FieldVault,
  person: { id: string; placeOfBirth: string | null },
  names: PersonInputDto['names'],
): Promise<void> {
  const personId = person.id;
  await manager.delete(NameVariant, { personId });
  const rows = [];
  for (const [position, name] of names.entries()) {
    rows.push({
      personId,
      position,
      part: name.part,
      value: await sealName(vault, personId, name.value),
      script: name.script ?? null,
      language: name.language ?? null,
    });
  }
  await manager.insert(NameVariant, rows);
  const matchProfile = await sealMatchProfile(vault, personId, { names, placeOfBirth: person.placeOfBirth });
  await manager.update(PersonRecord, { id: personId }, { matchProfile });
}

/** Contact details and whereabouts are stored sealed with the person's key (decision 0024). */
export async function saveContact(
  manager: EntityManager,
  vault: FieldVault,
  personId: string,
  contact: ContactDto | undefined,
): Promise<void> {
  if (!contact || (contact.contactDetails === undefined && contact.currentWhereabouts === undefined)) return;
  const subject = { id: personId, type: 'person' as const };
  await manager.upsert(
    PersonContact,
    {
      personId,
      contactDetails: await vault.seal(subject, 'contact_details', contact.contactDetails ?? null),
      currentWhereabouts: await vault.seal(subject, 'current_whereabouts', contact.currentWhereabouts ?? null),
    },
    ['personId'],
  );
}

/** A person's contact row as stored, opened; null fields stay null. */
export async function openContact(
  vault: FieldVault,
  personId: string,
  stored: Pick<PersonContact, 'contactDetails' | 'currentWhereabouts'> | null | undefined,
): Promise<{ contactDetails: string | null; currentWhereabouts: string | null }> {
  const subject = { id: personId, type: 'person' as const };
  return {
    contactDetails: await vault.open(subject, 'contact_details', stored?.contactDetails ?? null),
    currentWhereabouts: await vault.open(subject, 'current_whereabouts', stored?.currentWhereabouts ?? null),
  };
}
