/**
 * Synthetic tracing requests for the speed benchmark, reproducible from a seed.
 *
 * People: each "group" is one human, recorded 1–3 times as the sought person of requests of
 * their own (78 % once, 17 % twice, 5 % three times: relatives filing separate requests); the
 * records of one group are its true matches. A human has a culture (weights in name-lists.ts),
 * a sex, names drawn from that culture's lists by Zipf laws (so a few names – Mohammed, Nguyễn,
 * Ahmed – carry a large share and surnames are widely shared), a birth date and a birth country.
 *
 * Recordings differ as real intake records of one person do: native script or Latin (and then
 * one of several spellings), parts given separately or as one full name (sometimes with the
 * family name moved), father and grandfather named or not, a second rendering in the other
 * script, a typo (12 %), the birth date exact, as a year (sometimes in the Ethiopian or Solar
 * Hijri calendar, sometimes a year off), as an age at a date, or unknown, and the sex sometimes
 * unknown.
 *
 * Each request also has an enquirer: a relative of the sought person (parent, sibling, spouse,
 * child...), sharing their family or father's names as relatives do, who agrees to be found in
 * 70 % of requests (then their keys are searchable, as the service does it).
 *
 * Every group draws from streams of its own, so any group (a query, the re-score sample) can be
 * produced again without generating the others. `describeDistribution` measures the result.
 */
import type { BirthDateInput } from '../../persons/birth-dates/birth-date-input.js';
import type { NamePart, Relationship } from '../../persons/person-vocabulary.js';
import { drawName, nameId, pickCulture, renderName, scriptOf, type Culture, type NameRef } from './name-pools.js';
import { seededRandom, seededUuid, type Random } from './seeded-random.js';
import { addTypo } from './typos.js';

/** Bump when a change here changes what is stored: data sets are kept per generator version. */
export const GENERATOR_VERSION = 2;

const STREAM = { size: 1, human: 2, recording: 3, enquirer: 4, queries: 5 } as const;
const ID_KIND = { request: 1, sought: 2, enquirer: 3 } as const;

/** Shares of groups recorded once, twice and three times. */
export const GROUP_SIZE_SHARES = [0.78, 0.17, 0.05] as const;
const REFERENCE_YEAR = 2024;
const FIRST_CREATED_AT = Date.UTC(2023, 0, 1);
const CREATED_SPAN_MS = 730 * 86_400_000;

export interface NameInput {
  value: string;
  part: NamePart;
  script?: string;
  language?: string;
}

export interface PersonInput {
  names: NameInput[];
  sex: 'female' | 'male' | 'unknown';
  birthDate?: BirthDateInput;
  placeOfBirth?: { country: string };
  nationality?: string;
  languages?: string[];
}

export interface SoughtInput extends PersonInput {
  relationshipToEnquirer: Relationship;
}

export interface GeneratedRequest {
  group: number;
  member: number;
  culture: string;
  enquirer: PersonInput;
  sought: SoughtInput;
  agreesToBeFound: boolean;
  agreesToIdentityShared: boolean;
  /** canonical ids of the sought person's names this recording carries (for the distribution figures) */
  nameIds: number[];
  hasTypo: boolean;
  /** whether the sought person's first name variant is in the culture's own script */
  isNative: boolean;
}

export interface StoredRequest extends GeneratedRequest {
  index: number;
  requestId: string;
  soughtId: string;
  enquirerId: string;
  createdAt: Date;
}

interface Human {
  culture: Culture;
  sex: 'female' | 'male';
  given: NameRef;
  middle?: string;
  father?: NameRef;
  grandfather?: NameRef;
  family?: NameRef;
  birth: { year: number; month: number; day: number };
  country: string;
}

export function groupSize(seed: number, group: number): number {
  const u = seededRandom(seed, group, STREAM.size).next();
  return u < GROUP_SIZE_SHARES[0] ? 1 : u < GROUP_SIZE_SHARES[0] + GROUP_SIZE_SHARES[1] ? 2 : 3;
}

export function storedIds(seed: number, group: number, member: number) {
  return {
    requestId: seededUuid(seed, group, member, ID_KIND.request),
    soughtId: seededUuid(seed, group, member, ID_KIND.sought),
    enquirerId: seededUuid(seed, group, member, ID_KIND.enquirer),
  };
}

function drawHuman(seed: number, group: number): Human {
  const random = seededRandom(seed, group, STREAM.human);
  const culture = pickCulture(random);
  const sex = random.chance(0.5) ? 'male' : 'female';
  const { spec } = culture;
  const age = random.chance(0.3) ? random.int(0, 17) : random.chance(0.64) ? random.int(18, 44) : random.int(45, 85);
  return {
    culture,
    sex,
    given: drawName(culture[sex], random),
    middle: spec.middle ? random.pick(spec.middle[sex]) : undefined,
    father: spec.parts.father > 0 ? drawName(culture.male, random) : undefined,
    grandfather: spec.parts.grandfather > 0 ? drawName(culture.male, random) : undefined,
    family: spec.parts.family > 0 ? drawName(culture.family, random) : undefined,
    birth: { year: REFERENCE_YEAR - age, month: random.int(1, 12), day: random.int(1, 28) },
    country: random.pick(spec.countries),
  };
}

interface NameParts {
  given: NameRef;
  middle?: string;
  father?: NameRef;
  grandfather?: NameRef;
  family?: NameRef;
}

/** One rendering of a person's names in one script: separate parts, or one full name. */
function renderNames(
  culture: Culture,
  parts: NameParts,
  native: boolean,
  layout: 'parts' | 'full',
  swap: boolean,
  random: Random,
): NameInput[] {
  const script = scriptOf(culture, native);
  const language = random.chance(0.5) ? culture.spec.languages[0] : undefined;
  const given = [parts.middle, renderName(parts.given, native, random)].filter((p): p is string => Boolean(p)).join(' ');
  const rendered: Array<[NamePart, string]> = [['given', given]];
  if (parts.father) rendered.push(['father', renderName(parts.father, native, random)]);
  if (parts.grandfather) rendered.push(['grandfather', renderName(parts.grandfather, native, random)]);
  if (parts.family) rendered.push(['family', renderName(parts.family, native, random)]);
  const attributes = { script, ...(language && { language }) };
  if (layout === 'parts') return rendered.map(([part, value]) => ({ value, part, ...attributes }));
  const words = rendered.map(([, value]) => value);
  const familyFirst = Boolean(culture.spec.familyFirst) !== swap;
  if (parts.family && familyFirst) words.unshift(words.pop() as string);
  return [{ value: words.join(' '), part: 'full', ...attributes }];
}

function recordedBirth(human: Human, random: Random): BirthDateInput | undefined {
  const { year, month, day } = human.birth;
  const pad = (n: number) => String(n).padStart(2, '0');
  const kind = random.next();
  // Ages are estimates: a year given or an age told is a year off now and then.
  const told = year + (random.chance(0.08) ? random.pick([-1, 1]) : 0);
  if (kind < 0.3) return { kind: 'exact', calendar: 'gregorian', date: `${year}-${pad(month)}-${pad(day)}` };
  if (kind < 0.65) {
    const calendar = human.culture.spec.calendar;
    if (calendar && random.chance(0.3)) {
      // The year the person's birthday fell in, in the culture's calendar (new year in September / March).
      const local = calendar === 'ethiopian' ? told - (month >= 9 ? 7 : 8) : told - (month >= 4 ? 621 : 622);
      return { kind: 'year', calendar, year: local };
    }
    return { kind: 'year', calendar: 'gregorian', year: told };
  }
  if (kind < 0.75) {
    const atYear = random.int(Math.max(year + 1, 2016), REFERENCE_YEAR);
    const atMonth = random.int(1, 12);
    const age = atYear - year - (month > atMonth || (month === atMonth && day > 15) ? 1 : 0);
    return { kind: 'age_at', age: Math.max(0, age + (told - year)), ageAt: `${atYear}-${pad(atMonth)}-15` };
  }
  return undefined;
}

function soughtRecording(human: Human, random: Random): { person: SoughtInput; nameIds: number[]; hasTypo: boolean; isNative: boolean } {
  const { culture } = human;
  const { spec } = culture;
  const father = human.father && random.chance(spec.parts.father) ? human.father : undefined;
  const grandfather =
    father && human.grandfather && random.chance(spec.parts.grandfather / spec.parts.father) ? human.grandfather : undefined;
  const family = human.family && random.chance(spec.parts.family) ? human.family : undefined;
  const middle = human.middle && random.chance(0.7) ? human.middle : undefined;
  const parts: NameParts = { given: human.given, middle, father, grandfather, family };
  const isNative = random.chance(spec.nativeShare);
  const layout = random.chance(0.55) ? 'parts' : 'full';
  const names = renderNames(culture, parts, isNative, layout, random.chance(0.2), random);
  if (random.chance(spec.script === 'Latn' ? 0.15 : 0.3)) {
    // A second rendering: the other script, or (Latin-script cultures) another spelling.
    const other = spec.script === 'Latn' ? false : !isNative;
    const [full] = renderNames(culture, parts, other, 'full', false, random);
    names.push({ ...full, part: spec.script === 'Latn' ? 'alias' : 'full' });
  }
  let hasTypo = false;
  if (random.chance(0.12)) {
    const latin = names.findIndex((n) => n.script === 'Latn');
    if (latin >= 0) {
      const value = addTypo(names[latin].value, random);
      hasTypo = value !== names[latin].value;
      names[latin] = { ...names[latin], value };
    }
  }
  const birthDate = recordedBirth(human, random);
  const person: SoughtInput = {
    names,
    sex: random.chance(0.95) ? human.sex : 'unknown',
    relationshipToEnquirer: 'other',
    ...(birthDate && { birthDate }),
    ...(random.chance(0.5) && { placeOfBirth: { country: human.country } }),
    ...(random.chance(0.4) && { nationality: human.country }),
    ...(random.chance(0.5) && { languages: [spec.languages[0]] }),
  };
  const nameIds = [human.given, father, grandfather, family].filter((r): r is NameRef => Boolean(r)).map(nameId);
  return { person, nameIds, hasTypo, isNative };
}

const RELATIONSHIPS: ReadonlyArray<readonly [Relationship, number]> = [
  ['child', 0.35],
  ['sibling', 0.25],
  ['spouse', 0.15],
  ['parent', 0.1],
  ['cousin', 0.05],
  ['aunt_uncle', 0.04],
  ['grandchild', 0.03],
  ['other_relative', 0.03],
];

function pickRelationship(random: Random): Relationship {
  let u = random.next();
  for (const [relationship, share] of RELATIONSHIPS) {
    if ((u -= share) < 0) return relationship;
  }
  return 'other_relative';
}

/** Years between the sought person's birth and the enquirer's, by what the sought person is to them. */
const BIRTH_OFFSETS: Partial<Record<Relationship, readonly [number, number]>> = {
  child: [-40, -18],
  parent: [18, 40],
  grandchild: [-70, -45],
  sibling: [-8, 8],
  spouse: [-8, 8],
};

/** The enquirer: a relative who shares the names relatives share in the sought person's culture. */
function enquirerFor(human: Human, random: Random): { person: PersonInput; relationship: Relationship } {
  const { culture } = human;
  const relationship = pickRelationship(random);
  const sex: 'female' | 'male' =
    relationship === 'spouse' ? (human.sex === 'male' ? 'female' : 'male') : random.chance(0.5) ? 'male' : 'female';
  const draw = (list: 'male' | 'female' | 'family') => (culture[list].sampler ? drawName(culture[list], random) : undefined);
  const keepsFamily = random.chance(relationship === 'spouse' ? 0.5 : 0.85);
  let parts: NameParts = { given: draw(sex) as NameRef, father: draw('male'), family: keepsFamily ? human.family : draw('family') };
  if (relationship === 'child' && sex === 'male' && human.father) {
    parts = { given: human.father, father: human.grandfather, family: human.family };
  } else if (relationship === 'sibling') {
    parts = { ...parts, father: human.father ?? parts.father, family: human.family };
  } else if (relationship === 'parent' && human.sex === 'male') {
    parts = { ...parts, father: human.given, family: human.family };
  }
  if (culture.spec.parts.father === 0) parts.father = undefined;
  if (culture.spec.parts.family === 0) parts.family = undefined;
  const native = random.chance(culture.spec.nativeShare);
  const names = renderNames(culture, parts, native, random.chance(0.5) ? 'parts' : 'full', false, random);
  const [low, high] = BIRTH_OFFSETS[relationship] ?? [-25, 25];
  const year = Math.min(2006, human.birth.year + random.int(low, high));
  return {
    relationship,
    person: { names, sex, birthDate: { kind: 'year', calendar: 'gregorian', year }, languages: [culture.spec.languages[0]] },
  };
}

/** The request of one recording (member) of a group; the same inputs always give the same request. */
export function generateRequest(seed: number, group: number, member: number): GeneratedRequest {
  const human = drawHuman(seed, group);
  const recording = soughtRecording(human, seededRandom(seed, group, member, STREAM.recording));
  const random = seededRandom(seed, group, member, STREAM.enquirer);
  const { person: enquirer, relationship } = enquirerFor(human, random);
  return {
    group,
    member,
    culture: human.culture.spec.key,
    enquirer,
    sought: { ...recording.person, relationshipToEnquirer: relationship },
    agreesToBeFound: random.chance(0.7),
    agreesToIdentityShared: random.chance(0.5),
    nameIds: recording.nameIds,
    hasTypo: recording.hasTypo,
    isNative: recording.isNative,
  };
}

/** (group, member) of the stored records in order: groups one after another, until `records` are out. */
export function* storedSlots(seed: number, records: number): Generator<{ index: number; group: number; member: number }> {
  let index = 0;
  for (let group = 0; index < records; group += 1) {
    const size = groupSize(seed, group);
    for (let member = 0; member < size && index < records; member += 1) yield { index: index++, group, member };
  }
}

/** The stored requests, one at a time (a million never sit in memory together). */
export function* storedRequests(seed: number, records: number): Generator<StoredRequest> {
  for (const slot of storedSlots(seed, records)) {
    yield {
      ...generateRequest(seed, slot.group, slot.member),
      ...storedIds(seed, slot.group, slot.member),
      index: slot.index,
      createdAt: new Date(FIRST_CREATED_AT + Math.floor((slot.index / records) * CREATED_SPAN_MS)),
    };
  }
}

export interface QueryRecord {
  request: GeneratedRequest;
  /** the stored sought records of the same human */
  trueMatchIds: string[];
}

/**
 * `count` query records: new recordings of humans already stored, from distinct groups among the
 * first third (whose every record is stored whatever `records` is), in a seeded order.
 */
export function queryRecords(seed: number, records: number, count: number): QueryRecord[] {
  const complete = Math.floor(records / 3);
  if (count > complete) throw new Error(`${count} queries need at least ${count * 3} records`);
  const random = seededRandom(seed, STREAM.queries);
  const chosen = new Set<number>();
  const queries: QueryRecord[] = [];
  while (queries.length < count) {
    const group = random.int(0, complete - 1);
    if (chosen.has(group)) continue;
    chosen.add(group);
    const size = groupSize(seed, group);
    queries.push({
      request: generateRequest(seed, group, size),
      trueMatchIds: Array.from({ length: size }, (_, member) => storedIds(seed, group, member).soughtId),
    });
  }
  return queries;
}

/** A fixed sample of stored sought records, spread evenly over the data set (all of them when fewer). */
export function rescoreSample(seed: number, records: number, size: number): string[] {
  const step = Math.max(1, records / size);
  const ids: string[] = [];
  let next = 0;
  for (const slot of storedSlots(seed, records)) {
    if (slot.index < Math.floor(next)) continue;
    ids.push(storedIds(seed, slot.group, slot.member).soughtId);
    next += step;
  }
  return ids;
}
