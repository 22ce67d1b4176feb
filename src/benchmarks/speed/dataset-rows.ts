/**
 * Column arrays for the bulk load: one batch of generated requests as the rows the service itself
 * would write (its own personDetails for birth ranges and columns, the engine's blocking keys),
 * ready for INSERT ... SELECT FROM unnest(...). Names, profiles and keys are in plaintext here;
 * `sealBatch` seals and blind-indexes them before the insert, with the service's own code.
 */
import { blockingKeys } from '../../matching/engine/blocking-keys.js';
import { toPersonForMatching } from '../../matching/name-keys.js';
import type { BlindIndex } from '../../key-store/blind-index.js';
import type { FieldVault } from '../../key-store/field-vault.js';
import type { CalendarDate } from '../../persons/birth-dates/calendars.js';
import { personDetails } from '../../persons/person-writer.js';
import { sealMatchProfile, sealName, type MatchProfile } from '../../persons/sealed-person.js';
import { baselineName } from './baseline-names.js';
import type { PersonInput, StoredRequest } from './generate-people.js';

export interface RequestColumns {
  id: string[];
  reference: string[];
  createdAt: string[];
  agreesToBeFound: boolean[];
  agreesToIdentityShared: boolean[];
}

export interface PersonColumns {
  id: string[];
  requestId: string[];
  role: string[];
  position: number[];
  relationship: (string | null)[];
  sex: string[];
  birthDateKind: string[];
  birthCalendar: (string | null)[];
  birthDateInput: (string | null)[];
  birthEarliest: (string | null)[];
  birthLatest: (string | null)[];
  placeOfBirthCountry: (string | null)[];
  nationality: (string | null)[];
  /** comma-separated: unnest cannot take an array of arrays */
  languages: string[];
  preferredLanguage: (string | null)[];
  legalBasis: string[];
  status: (string | null)[];
  createdAt: string[];
  /** the match profile, plaintext until the load seals it (see sealBatch) */
  matchProfile: string[];
}

export interface NameColumns {
  personId: string[];
  position: number[];
  part: string[];
  value: string[];
  script: (string | null)[];
  language: (string | null)[];
}

export interface KeyColumns {
  key: string[];
  personId: string[];
  isTarget: boolean[];
}

export interface BaselineColumns {
  personId: string[];
  name: string[];
}

export interface BatchRows {
  requests: RequestColumns;
  persons: PersonColumns;
  names: NameColumns;
  keys: KeyColumns;
  baseline: BaselineColumns;
}

export function emptyBatch(): BatchRows {
  return {
    requests: { id: [], reference: [], createdAt: [], agreesToBeFound: [], agreesToIdentityShared: [] },
    persons: {
      id: [],
      requestId: [],
      role: [],
      position: [],
      relationship: [],
      sex: [],
      birthDateKind: [],
      birthCalendar: [],
      birthDateInput: [],
      birthEarliest: [],
      birthLatest: [],
      placeOfBirthCountry: [],
      nationality: [],
      languages: [],
      preferredLanguage: [],
      legalBasis: [],
      status: [],
      createdAt: [],
      matchProfile: [],
    },
    names: { personId: [], position: [], part: [], value: [], script: [], language: [] },
    keys: { key: [], personId: [], isTarget: [] },
    baseline: { personId: [], name: [] },
  };
}

interface PersonToAdd {
  id: string;
  requestId: string;
  input: PersonInput;
  role: 'enquirer' | 'sought';
  relationship: string | null;
  isTarget: boolean;
  createdAt: string;
}

function addPerson(batch: BatchRows, person: PersonToAdd, organisationId: string, today: CalendarDate): void {
  const details = personDetails(person.input, today, person.role);
  const sought = person.role === 'sought';
  const p = batch.persons;
  p.id.push(person.id);
  p.requestId.push(person.requestId);
  p.role.push(person.role);
  p.position.push(sought ? 1 : 0);
  p.relationship.push(person.relationship);
  p.sex.push(details.sex);
  p.birthDateKind.push(details.birthDateKind);
  p.birthCalendar.push(details.birthCalendar);
  p.birthDateInput.push(details.birthDateInput ? JSON.stringify(details.birthDateInput) : null);
  p.birthEarliest.push(details.birthEarliest);
  p.birthLatest.push(details.birthLatest);
  p.placeOfBirthCountry.push(details.placeOfBirthCountry);
  p.nationality.push(details.nationality);
  p.languages.push(details.languages.join(','));
  p.preferredLanguage.push(sought ? null : (person.input.languages?.[0] ?? null));
  // The enquirer consented at intake; a sought person is searched for on vital interest, and the
  // worker has taken every stored request already (status searching).
  p.legalBasis.push(sought ? 'vital_interest' : 'consent');
  p.status.push(sought ? 'searching' : null);
  p.createdAt.push(person.createdAt);
  // The data set has no places of birth: the profile holds the names only.
  p.matchProfile.push(JSON.stringify({ names: person.input.names.map(({ value, part }) => ({ value, part })), placeOfBirth: null }));

  person.input.names.forEach((name, position) => {
    batch.names.personId.push(person.id);
    batch.names.position.push(position);
    batch.names.part.push(name.part);
    batch.names.value.push(name.value);
    batch.names.script.push(name.script ?? null);
    batch.names.language.push(name.language ?? null);
  });

  // The engine's keys; the load stores them as blind indexes (sealBatch), as the service does.
  const forMatching = toPersonForMatching({ ...details, id: person.id, role: person.role }, person.input.names);
  for (const key of blockingKeys(forMatching)) {
    batch.keys.key.push(key);
    batch.keys.personId.push(person.id);
    batch.keys.isTarget.push(person.isTarget);
  }
  if (person.isTarget) {
    batch.baseline.personId.push(person.id);
    batch.baseline.name.push(baselineName(person.input.names));
  }
}

/**
 * The reference of a stored request, in the service's format (TR-<year>-<at least six digits>),
 * numbered by the data set rather than by the service's sequence: loaded requests are dated
 * 2023–2024, so they never meet a reference the service gives a request created today, and the
 * service's sequence is left where a fresh database has it.
 */
export function storedReference(request: StoredRequest): string {
  return `TR-${request.createdAt.getUTCFullYear()}-${String(request.index + 1).padStart(7, '0')}`;
}

/** Adds one stored request (its enquirer and sought person) to the batch. */
export function addRequest(batch: BatchRows, request: StoredRequest, organisationId: string, today: CalendarDate): void {
  const createdAt = request.createdAt.toISOString();
  batch.requests.id.push(request.requestId);
  batch.requests.reference.push(storedReference(request));
  batch.requests.createdAt.push(createdAt);
  batch.requests.agreesToBeFound.push(request.agreesToBeFound);
  batch.requests.agreesToIdentityShared.push(request.agreesToIdentityShared);
  const common = { requestId: request.requestId, createdAt };
  addPerson(
    batch,
    { ...common, id: request.enquirerId, input: request.enquirer, role: 'enquirer', relationship: null, isTarget: request.agreesToBeFound },
    organisationId,
    today,
  );
  addPerson(
    batch,
    {
      ...common,
      id: request.soughtId,
      input: request.sought,
      role: 'sought',
      relationship: request.sought.relationshipToEnquirer,
      isTarget: true,
    },
    organisationId,
    today,
  );
}

/**
 * Seals a batch as the service stores it (decision 0028): names and match profiles with each
 * person's key – the keys made in one statement for the whole batch – and blocking keys as blind
 * indexes.
 */
export async function sealBatch(batch: BatchRows, keys: { vault: FieldVault; index: BlindIndex }): Promise<void> {
  const { persons, names } = batch;
  await keys.vault.prepare(persons.id);
  for (const [i, personId] of persons.id.entries()) {
    persons.matchProfile[i] = await sealMatchProfile(keys.vault, personId, JSON.parse(persons.matchProfile[i]) as MatchProfile);
  }
  for (const [i, personId] of names.personId.entries()) names.value[i] = await sealName(keys.vault, personId, names.value[i]);
  batch.keys.key = batch.keys.key.map((key) => keys.index.of(key));
}
