/**
 * The officer's edit of a request: the request as recorded → the form, and the form → the body of
 * PATCH /v1/tracing-requests/:id. The API replaces a person's details whole, so what the form has no
 * field for (places, nationality, languages, a birth date the year field cannot express, a name's
 * language) is carried over from the record, and a person whose details did not change is not sent
 * (no new version, no new matching run). Pure functions.
 */
import type { PersonResponseDto } from '../../persons/dto/person-response.dto.js';
import type { TracingRequestResponseDto } from '../../tracing-requests/dto/tracing-request-response.dto.js';
import { emptyRequestForm, type PersonForm, personBody, personFieldOf, type RequestForm } from './request-form.js';

/** A recorded person as the edit reads it: the response, plus the birth date's words as told (not in the response). */
export type RecordedPerson = PersonResponseDto & { birthDateOriginal?: string };

export interface RecordedRequest {
  version: number;
  circumstances?: string;
  safeguardingFlags: string[];
  people: RecordedPerson[];
}

export function recordedRequest(response: TracingRequestResponseDto, originals: ReadonlyMap<string, string>): RecordedRequest {
  const withOriginal = (person: PersonResponseDto): RecordedPerson => {
    const original = originals.get(person.id);
    return original === undefined ? person : { ...person, birthDateOriginal: original };
  };
  return {
    version: response.version,
    circumstances: response.circumstances,
    safeguardingFlags: response.safeguardingFlags,
    people: [response.enquirer, ...response.soughtPeople].map(withOriginal),
  };
}

const YEAR_KINDS = ['year', 'unknown'];

function describeBirthDate(person: RecordedPerson): string | undefined {
  const birth = person.birthDate;
  if (!birth || YEAR_KINDS.includes(birth.kind)) return undefined;
  return birth.earliest === birth.latest ? (birth.earliest ?? birth.kind) : `${birth.earliest ?? ''} – ${birth.latest ?? ''}`;
}

function personForm(person: RecordedPerson): PersonForm {
  return {
    id: person.id,
    names: person.names.map((name) => ({ value: name.value, part: name.part, script: name.script ?? '', language: name.language ?? '' })),
    sex: person.sex,
    birthYear: person.birthDate?.kind === 'year' && person.birthDate.year !== undefined ? String(person.birthDate.year) : '',
    relationshipToEnquirer: person.relationshipToEnquirer ?? '',
    preferredLanguage: '',
    contact: '',
    keptBirthDate: describeBirthDate(person),
  };
}

export function toEditForm(recorded: RecordedRequest): RequestForm {
  const [enquirer, ...sought] = recorded.people.map(personForm);
  return {
    ...emptyRequestForm(),
    enquirer,
    soughtPeople: sought,
    circumstances: recorded.circumstances ?? '',
    safeguardingFlags: recorded.safeguardingFlags,
  };
}

/** A posted form shows again what only the record knows (the kept birth dates). */
export function withRecordedDetails(form: RequestForm, recorded: RecordedRequest): RequestForm {
  const kept = new Map(recorded.people.map((person) => [person.id, describeBirthDate(person)]));
  const mark = (person: PersonForm): PersonForm => ({ ...person, keptBirthDate: kept.get(person.id) });
  return { ...form, enquirer: mark(form.enquirer), soughtPeople: form.soughtPeople.map(mark) };
}

/** The recorded birth date as the API takes it (without the derived earliest/latest). */
function recordedBirthDate(person: RecordedPerson): Record<string, unknown> | undefined {
  if (!person.birthDate) return undefined;
  const { earliest: _earliest, latest: _latest, ...input } = person.birthDate;
  return { ...input, ...(person.birthDateOriginal !== undefined && { original: person.birthDateOriginal }) };
}

/** The person's part of the PATCH body: the form's fields over what the record holds and the form cannot show. */
function personUpdate(form: PersonForm, recorded: RecordedPerson): { body: Record<string, unknown>; rows: number[] } {
  // Contact details have their own route (and its assignment rule); the preferred language is set at intake.
  const { body, rows } = personBody({ ...form, contact: '', preferredLanguage: '' }, recorded.role === 'enquirer' ? 'enquirer' : 'sought');
  const recordedYear = personForm(recorded).birthYear;
  const yearEditable = describeBirthDate(recorded) === undefined;
  const birthDate = !yearEditable || form.birthYear.trim() === recordedYear ? recordedBirthDate(recorded) : body.birthDate;
  const update: Record<string, unknown> = {
    id: recorded.id,
    ...body,
    ...(recorded.placeOfBirth && { placeOfBirth: recorded.placeOfBirth }),
    ...(recorded.lastKnownPlace && { lastKnownPlace: recorded.lastKnownPlace }),
    ...(recorded.nationality && { nationality: recorded.nationality }),
    ...(recorded.languages.length > 0 && { languages: recorded.languages }),
  };
  delete update.birthDate;
  if (birthDate !== undefined) update.birthDate = birthDate;
  return { body: update, rows };
}

const isBlank = (person: PersonForm) => person.names.every((name) => name.value.trim() === '') && person.relationshipToEnquirer === '';
const sameList = (a: readonly string[], b: readonly string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

export interface UpdateBody {
  body: Record<string, unknown>;
  /** false when the form changes nothing: there is nothing to send */
  changes: boolean;
  /** the form field (its name) where a problem the API reports at `path` is shown */
  fieldOf(path: string): string;
}

/** The PATCH body for this form; `version` is what the form was read at (optimistic concurrency). */
export function toUpdateBody(form: RequestForm, recorded: RecordedRequest, version: unknown): UpdateBody {
  const byId = new Map(recorded.people.map((person) => [person.id, person]));
  const persons: Record<string, unknown>[] = [];
  const added: Record<string, unknown>[] = [];
  const personTargets: { prefix: string; rows: number[] }[] = [];
  const addedTargets: { prefix: string; rows: number[] }[] = [];
  const rows: [string, PersonForm][] = [
    ['enquirer', form.enquirer],
    ...form.soughtPeople.map((p, j): [string, PersonForm] => [`soughtPeople.${j}`, p]),
  ];
  for (const [prefix, person] of rows) {
    const own = byId.get(person.id);
    if (own) {
      const update = personUpdate(person, own);
      if (JSON.stringify(update.body) === JSON.stringify(personUpdate(personForm(own), own).body)) continue;
      persons.push(update.body);
      personTargets.push({ prefix, rows: update.rows });
    } else if (person.id !== '') {
      // Not a person of this request: the API answers "not found", as for any guessed id.
      persons.push({ id: person.id, ...personBody(person, 'sought').body });
      personTargets.push({ prefix, rows: [] });
    } else if (!isBlank(person)) {
      const { body, rows: nameRows } = personBody(person, 'sought');
      added.push(body);
      addedTargets.push({ prefix, rows: nameRows });
    }
  }
  const circumstancesChanged = form.circumstances !== (recorded.circumstances ?? '');
  const flagsChanged = !sameList(form.safeguardingFlags, recorded.safeguardingFlags);
  const body: Record<string, unknown> = {
    version: typeof version === 'string' && /^\d{1,9}$/.test(version) ? Number(version) : version,
    ...(persons.length > 0 && { persons }),
    ...(added.length > 0 && { addSoughtPeople: added }),
    ...(circumstancesChanged && { circumstances: form.circumstances }),
    ...(flagsChanged && { safeguardingFlags: form.safeguardingFlags }),
  };
  return {
    body,
    changes: persons.length + added.length > 0 || circumstancesChanged || flagsChanged,
    fieldOf: (path) => {
      const person = /^(persons|addSoughtPeople)\.(\d+)(?:\.(.*))?$/.exec(path);
      if (!person) return path.split('.')[0];
      const target = (person[1] === 'persons' ? personTargets : addedTargets)[Number(person[2])];
      return target ? personFieldOf(target.prefix, target.rows, person[3] ?? '') : path.split('.')[0];
    },
  };
}
