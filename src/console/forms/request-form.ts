/**
 * The officer's request form as the browser posts it (flat `application/x-www-form-urlencoded`
 * fields named after the API's body) and back: form → API body, and the API's field paths → the
 * form's fields, so validation messages appear beside what the officer typed. Pure functions.
 */
import { textOf, valuesOf } from './form-fields.js';

export interface NameRow {
  value: string;
  part: string;
  script: string;
  /** as recorded (BCP 47); the form has no field for it, an edit carries it along */
  language: string;
}

export interface PersonForm {
  /** the person's id when editing a recorded person; '' for a new one */
  id: string;
  names: NameRow[];
  sex: string;
  birthYear: string;
  relationshipToEnquirer: string;
  preferredLanguage: string;
  contact: string;
  /** a recorded birth date the year field cannot express (exact, range, age): shown, kept as it is */
  keptBirthDate?: string;
}

export interface RequestForm {
  enquirer: PersonForm;
  soughtPeople: PersonForm[];
  consent: { processing: boolean; found: boolean; identity: boolean; notice: string };
  circumstances: string;
  safeguardingFlags: string[];
}

/** The API's own limits (create-tracing-request.dto.ts, person-input.dto.ts): rows beyond them are not read. */
export const MAX_SOUGHT_PEOPLE = 20;
export const MAX_NAMES = 30;
const NEW_NAME_ROWS = 2;
export const CURRENT_NOTICE_VERSION = '2026-01';

const emptyName = (): NameRow => ({ value: '', part: 'full', script: '', language: '' });
const emptyPerson = (): PersonForm => ({
  id: '',
  names: Array.from({ length: NEW_NAME_ROWS }, emptyName),
  sex: 'unknown',
  birthYear: '',
  relationshipToEnquirer: '',
  preferredLanguage: '',
  contact: '',
});

export function emptyRequestForm(): RequestForm {
  return {
    enquirer: emptyPerson(),
    soughtPeople: [emptyPerson()],
    consent: { processing: false, found: false, identity: false, notice: CURRENT_NOTICE_VERSION },
    circumstances: '',
    safeguardingFlags: [],
  };
}

function personFrom(fields: Record<string, unknown>, prefix: string): PersonForm {
  const names: NameRow[] = [];
  for (let i = 0; i < MAX_NAMES && `${prefix}.names.${i}.value` in fields; i++) {
    names.push({
      value: textOf(fields[`${prefix}.names.${i}.value`]),
      part: textOf(fields[`${prefix}.names.${i}.part`]) || 'full',
      script: textOf(fields[`${prefix}.names.${i}.script`]),
      language: textOf(fields[`${prefix}.names.${i}.language`]),
    });
  }
  return {
    id: textOf(fields[`${prefix}.id`]),
    names: names.length > 0 ? names : [emptyName()],
    sex: textOf(fields[`${prefix}.sex`]) || 'unknown',
    birthYear: textOf(fields[`${prefix}.birthYear`]),
    relationshipToEnquirer: textOf(fields[`${prefix}.relationshipToEnquirer`]),
    preferredLanguage: textOf(fields[`${prefix}.preferredLanguage`]),
    contact: textOf(fields[`${prefix}.contact`]),
  };
}

/** Reads the posted fields; unknown fields are ignored, repeated ones (checkboxes) arrive as arrays. */
export function readRequestForm(fields: Record<string, unknown>): RequestForm {
  const soughtPeople: PersonForm[] = [];
  for (let j = 0; j < MAX_SOUGHT_PEOPLE && `soughtPeople.${j}.names.0.value` in fields; j++) {
    soughtPeople.push(personFrom(fields, `soughtPeople.${j}`));
  }
  return {
    enquirer: personFrom(fields, 'enquirer'),
    soughtPeople: soughtPeople.length > 0 ? soughtPeople : [emptyPerson()],
    consent: {
      processing: fields['consent.processing'] === 'yes',
      found: fields['consent.found'] === 'yes',
      identity: fields['consent.identity'] === 'yes',
      notice: textOf(fields['consent.notice']),
    },
    circumstances: textOf(fields.circumstances),
    safeguardingFlags: valuesOf(fields.safeguardingFlags),
  };
}

/**
 * The "add a row" buttons post the form back with `action`: the form comes back with one more row
 * (no script needed). Returns null for the plain submit.
 */
export function withAddedRow(form: RequestForm, action: unknown): RequestForm | null {
  if (action === 'add-sought') {
    if (form.soughtPeople.length >= MAX_SOUGHT_PEOPLE) return form;
    return { ...form, soughtPeople: [...form.soughtPeople, emptyPerson()] };
  }
  const match = typeof action === 'string' ? /^add-name:(enquirer|\d{1,2})$/.exec(action) : null;
  if (!match) return null;
  const add = (person: PersonForm): PersonForm =>
    person.names.length >= MAX_NAMES ? person : { ...person, names: [...person.names, emptyName()] };
  if (match[1] === 'enquirer') return { ...form, enquirer: add(form.enquirer) };
  const index = Number(match[1]);
  return { ...form, soughtPeople: form.soughtPeople.map((person, j) => (j === index ? add(person) : person)) };
}

/** A year as a number when it is one; otherwise as typed, so that the API's validation names the field. */
function birthDateOf(year: string): Record<string, unknown> | undefined {
  const trimmed = year.trim();
  if (trimmed === '') return undefined;
  return { kind: 'year', year: /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : trimmed };
}

export interface PersonBody {
  body: Record<string, unknown>;
  /** for each name of the body, the row of the form it came from (empty rows are left out) */
  rows: number[];
}

/** One person's part of the API body: what the form holds, the id aside. */
export function personBody(person: PersonForm, role: 'enquirer' | 'sought'): PersonBody {
  const rows = person.names.flatMap((name, index) => (name.value.trim() === '' ? [] : [index]));
  const names = rows.map((index) => {
    const { value, part, script, language } = person.names[index];
    return { value, part, ...(script !== '' && { script }), ...(language !== '' && { language }) };
  });
  const birthDate = birthDateOf(person.birthYear);
  const body: Record<string, unknown> = { names, sex: person.sex, ...(birthDate && { birthDate }) };
  if (role === 'sought') body.relationshipToEnquirer = person.relationshipToEnquirer;
  if (role === 'enquirer') {
    if (person.preferredLanguage !== '') body.preferredLanguage = person.preferredLanguage;
    if (person.contact.trim() !== '') body.contact = { contactDetails: person.contact };
  }
  return { body, rows };
}

export interface RequestBody {
  body: Record<string, unknown>;
  /** the form field (its name) where a problem the API reports at `path` is shown */
  fieldOf(path: string): string;
}

/** The API body of POST /v1/tracing-requests for this form. */
export function toRequestBody(form: RequestForm): RequestBody {
  const enquirer = personBody(form.enquirer, 'enquirer');
  const sought = form.soughtPeople.map((person) => personBody(person, 'sought'));
  const body: Record<string, unknown> = {
    enquirer: enquirer.body,
    soughtPeople: sought.map((s) => s.body),
    intakeConsent: {
      consentsToProcessing: form.consent.processing,
      agreesToBeFound: form.consent.found,
      agreesToIdentityShared: form.consent.identity,
      informationNoticeVersion: form.consent.notice,
    },
    ...(form.circumstances.trim() !== '' && { circumstances: form.circumstances }),
    ...(form.safeguardingFlags.length > 0 && { safeguardingFlags: form.safeguardingFlags }),
  };
  return {
    body,
    fieldOf: (path) =>
      formFieldOf(
        path,
        enquirer.rows,
        sought.map((s) => s.rows),
      ),
  };
}

const CONSENT_FIELDS: Record<string, string> = {
  consentsToProcessing: 'consent.processing',
  agreesToBeFound: 'consent.found',
  agreesToIdentityShared: 'consent.identity',
  informationNoticeVersion: 'consent.notice',
};

function formFieldOf(path: string, enquirerRows: number[], soughtRows: number[][]): string {
  const consent = /^intakeConsent\.(\w+)/.exec(path);
  if (consent) return CONSENT_FIELDS[consent[1]] ?? 'consent.processing';
  const person = /^(enquirer|soughtPeople\.(\d+))(?:\.(.*))?$/.exec(path);
  if (!person) return path.split('.')[0];
  const rows = person[2] === undefined ? enquirerRows : (soughtRows[Number(person[2])] ?? []);
  return personFieldOf(person[1], rows, person[3] ?? '');
}

/**
 * The form field for a problem the API reports inside one person's body (`rest`, e.g. `names.0.value`),
 * the person's fields being named `prefix.*` and `rows` the form rows its names came from.
 */
export function personFieldOf(prefix: string, rows: readonly number[], rest: string): string {
  const name = /^names\.(\d+)\.(value|part|script|language)/.exec(rest);
  if (name) return `${prefix}.names.${rows[Number(name[1])] ?? 0}.${name[2] === 'language' ? 'value' : name[2]}`;
  if (rest.startsWith('names')) return `${prefix}.names`;
  if (rest.startsWith('birthDate')) return `${prefix}.birthYear`;
  if (rest.startsWith('contact')) return `${prefix}.contact`;
  const field = rest.split('.')[0];
  return ['sex', 'relationshipToEnquirer', 'preferredLanguage'].includes(field) ? `${prefix}.${field}` : prefix;
}
