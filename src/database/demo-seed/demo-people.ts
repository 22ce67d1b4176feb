/** Synthetic people: an identity (who they "really" are) and renderings of it as an officer might record it. */
import { formatIsoDate, toGregorian, type CalendarDate } from '../../persons/birth-dates/calendars.js';
import type { BirthDateDto, NameVariantDto, PersonInputDto } from '../../persons/dto/person-input.dto.js';
import type { Calendar, Relationship } from '../../persons/person-vocabulary.js';
import { CULTURES, type Culture, type NameForms } from './demo-names.js';
import { DEMO_WHEREABOUTS, demoContact, placesIn } from './demo-places.js';
import type { Rng } from './prng.js';

type NameSlot = 'given' | 'father' | 'grandfather' | 'family';
const SLOTS: readonly NameSlot[] = ['given', 'father', 'grandfather', 'family'];

export interface Identity {
  culture: Culture;
  language: string;
  sex: 'female' | 'male';
  names: Partial<Record<NameSlot, NameForms>>;
  /** the birth date in the calendar the family would use, and in the Gregorian */
  birth: { calendar: Calendar; native: CalendarDate; gregorian: CalendarDate };
  birthCountry: string;
}

export function pickCulture(rng: Rng): Culture {
  let roll = rng.next() * CULTURES.reduce((sum, c) => sum + c.weight, 0);
  for (const culture of CULTURES) if ((roll -= culture.weight) < 0) return culture;
  return CULTURES[CULTURES.length - 1];
}

/** Born in `year` (Gregorian, approximately); kept at least two years in the past. */
function birthIn(culture: Culture, year: number, today: CalendarDate, rng: Rng): Identity['birth'] {
  const gy = Math.max(today.year - 95, Math.min(year, today.year - 3));
  const native = { year: gy, month: rng.int(1, 12), day: rng.int(1, 28) };
  if (culture.calendar === 'ethiopian') native.year = gy - 8;
  if (culture.calendar === 'solar_hijri') native.year = gy - 621;
  const calendar = culture.calendar ?? 'gregorian';
  return { calendar, native, gregorian: toGregorian(calendar, native) };
}

const male = (c: Culture, rng: Rng) => rng.pick(c.male);

export function newIdentity(rng: Rng, today: CalendarDate, culture = pickCulture(rng)): Identity {
  const sex = rng.chance(0.5) ? 'female' : 'male';
  const names: Identity['names'] = { given: rng.pick(sex === 'female' ? culture.female : culture.male) };
  if (culture.naming !== 'family') Object.assign(names, { father: male(culture, rng), grandfather: male(culture, rng) });
  if (culture.naming !== 'lineage') names.family = rng.pick(culture.family);
  return {
    culture,
    sex,
    names,
    language: rng.pick(culture.languages),
    birth: birthIn(culture, today.year - rng.int(19, 68), today, rng),
    birthCountry: rng.pick(culture.countries),
  };
}

const YEARS_APART: Record<Relationship, [number, number]> = {
  parent: [-38, -18],
  child: [18, 38],
  sibling: [-10, 10],
  spouse: [-8, 8],
  grandparent: [-70, -40],
  grandchild: [40, 60],
  aunt_uncle: [-35, -12],
  niece_nephew: [12, 35],
  cousin: [-12, 12],
  other_relative: [-25, 25],
  other: [-20, 20],
};
const SHARES_FAMILY_NAME = new Set<Relationship>(['parent', 'child', 'sibling', 'grandparent', 'grandchild']);

/** A relative of `of`: names follow the family's naming (a child's father is the father, and so on). */
export function relativeOf(of: Identity, relationship: Relationship, rng: Rng, today: CalendarDate): Identity {
  const { culture } = of;
  const person = newIdentity(rng, today, culture);
  person.language = of.language;
  person.birthCountry = rng.chance(0.85) ? of.birthCountry : person.birthCountry;
  if (relationship === 'spouse') person.sex = of.sex === 'male' ? 'female' : 'male';
  if (relationship === 'parent' && of.names.father && rng.chance(0.5)) person.sex = 'male';
  person.names.given = rng.pick(person.sex === 'female' ? culture.female : culture.male);
  const n = person.names;
  if (culture.naming !== 'family') {
    if (relationship === 'sibling') Object.assign(n, { father: of.names.father, grandfather: of.names.grandfather });
    if (relationship === 'child' && of.sex === 'male') Object.assign(n, { father: of.names.given, grandfather: of.names.father });
    if (relationship === 'parent' && person.sex === 'male') Object.assign(n, { given: of.names.father, father: of.names.grandfather });
  }
  const europeanStyle = culture.script === 'Cyrl' || culture.key === 'albanian' || culture.key === 'turkish';
  if (n.family && (SHARES_FAMILY_NAME.has(relationship) || (relationship === 'spouse' && europeanStyle))) n.family = of.names.family;
  const [low, high] = YEARS_APART[relationship];
  person.birth = birthIn(culture, of.birth.gregorian.year + rng.int(low, high), today, rng);
  return person;
}

function renderNames(person: Identity, rng: Rng): NameVariantDto[] {
  const { culture, language } = person;
  const slots = SLOTS.filter((slot) => person.names[slot]);
  const out: NameVariantDto[] = [];
  const emit = (spell: (forms: NameForms) => string, script: string) => {
    const values = slots.map((slot) => spell(person.names[slot]!));
    if (rng.chance(0.2)) out.push({ part: 'full', value: values.join(' '), script, language });
    else slots.forEach((slot, i) => out.push({ part: slot, value: values[i], script, language }));
  };
  const latinOnly = culture.script !== 'Latn' && rng.chance(0.12);
  if (!latinOnly) emit((forms) => forms.native, culture.script);
  const hasVariants = slots.some((slot) => person.names[slot]!.latin.length > 0);
  const addLatin = culture.script === 'Latn' ? hasVariants && rng.chance(0.35) : latinOnly || rng.chance(0.65);
  if (addLatin) emit((forms) => (forms.latin.length > 0 ? rng.pick(forms.latin) : forms.native), 'Latn');
  return out;
}

/** The last year of each calendar that has entirely passed by `today` (safe bound for ranges). */
function lastPastYear(calendar: Calendar, today: CalendarDate): number {
  return calendar === 'ethiopian' ? today.year - 9 : calendar === 'solar_hijri' ? today.year - 623 : today.year - 1;
}

function renderBirthDate(person: Identity, rng: Rng, today: CalendarDate): BirthDateDto | undefined {
  const roll = rng.next();
  if (roll < 0.07) return undefined;
  if (roll < 0.12) return { kind: 'unknown', original: 'the enquirer does not know (demo)' };
  const calendar = person.birth.calendar !== 'gregorian' && rng.chance(0.5) ? person.birth.calendar : 'gregorian';
  const date = calendar === 'gregorian' ? person.birth.gregorian : person.birth.native;
  if (roll < 0.4) return { kind: 'exact', calendar, date: formatIsoDate(date) };
  if (roll < 0.66) return { kind: 'year', calendar, year: date.year };
  if (roll < 0.84) {
    const to = Math.min(date.year + rng.int(1, 3), lastPastYear(calendar, today));
    return { kind: 'range', calendar, from: String(date.year - rng.int(0, 3)), to: String(to) };
  }
  const born = person.birth.gregorian;
  const at = { year: Math.max(today.year - rng.int(1, 4), born.year + 1), month: rng.int(1, 12), day: rng.int(1, 28) };
  const age = at.year - born.year - (at.month < born.month || (at.month === born.month && at.day < born.day) ? 1 : 0);
  return { kind: 'age_at', calendar: 'gregorian', age, ageAt: formatIsoDate(at), original: `about ${age} in ${at.year} (demo)` };
}

export interface RenderOptions {
  today: CalendarDate;
  /** sought people usually have a last known place; enquirers seldom */
  sought: boolean;
  contactCounter: () => number;
}

/** One officer's record of the person: which names, which scripts and how the birth date was given vary. */
export function renderPerson(person: Identity, rng: Rng, options: RenderOptions): PersonInputDto {
  const { today, sought } = options;
  const input: PersonInputDto = { names: renderNames(person, rng), sex: rng.chance(0.05) ? 'unknown' : person.sex };
  const birthDate = renderBirthDate(person, rng, today);
  if (birthDate) input.birthDate = birthDate;
  if (rng.chance(0.7)) input.placeOfBirth = { place: rng.pick(placesIn(person.birthCountry)), country: person.birthCountry };
  if (rng.chance(sought ? 0.85 : 0.25)) {
    const country = rng.chance(0.5) ? person.birthCountry : rng.pick(person.culture.transit);
    input.lastKnownPlace = { place: rng.pick(placesIn(country)), country };
    // Some time in the last years, never before the person was born.
    const yearsAgo = rng.int(1, Math.min(9, today.year - person.birth.gregorian.year));
    if (rng.chance(0.9))
      input.lastKnownPlace.date = formatIsoDate({ year: today.year - yearsAgo, month: rng.int(1, 12), day: rng.int(1, 28) });
  }
  if (rng.chance(0.8)) input.nationality = person.birthCountry;
  const languages = new Set([person.language]);
  if (rng.chance(0.3)) languages.add(rng.pick(['en', 'ar', 'fr', 'de']));
  input.languages = [...languages];
  if (rng.chance(sought ? 0.15 : 0.8)) {
    input.contact = { contactDetails: demoContact(options.contactCounter()) };
    if (sought || rng.chance(0.5)) input.contact.currentWhereabouts = rng.pick(DEMO_WHEREABOUTS);
  }
  return input;
}
