import type { BuildContext } from './build-context.js';
import { drawPerson, latinName, latinSchemeCount, type NamePool, nativeName, type Person, type Script } from './name-model.js';
import { particleVariant, scriptTypo } from './noise.js';
import type { Prng } from './prng.js';

export interface PersonRecord {
  id: string;
  truthId: string;
  fullName: string;
  birthDate: string;
  sex: string;
  place: string;
}

export interface RecordSetSpec {
  fileName: string;
  prefix: string;
  records: number;
  /** Pools with weights, and optionally the countries of birth to use instead of the pool's own. */
  pools: { pool: NamePool; weight: number; countries?: readonly string[] }[];
}

/** The record sets of the issue: one Arabic-script heavy, one Cyrillic/European, one Horn of Africa, one mixed. */
export function recordSetSpecs(context: BuildContext): RecordSetSpec[] {
  const latin = (id: string) => context.latin.find((pool) => pool.id === id) as NamePool;
  const european = ['german', 'french', 'english', 'polish', 'italian', 'spanish', 'dutch', 'serbian', 'croatian'].map(latin);
  return [
    {
      fileName: 'records-arabic-script.csv',
      prefix: 'ar',
      records: 3000,
      pools: [
        { pool: context.arabic, weight: 70 },
        ...context.arabicScriptOnly.map((pool) => ({ pool, weight: 5 })),
        { pool: latin('senegalese'), weight: 3 },
        { pool: latin('turkish'), weight: 3 },
        { pool: context.ethiopian, weight: 4, countries: ['ER', 'SD'] },
      ],
    },
    {
      fileName: 'records-cyrillic-european.csv',
      prefix: 'cy',
      records: 3000,
      pools: [
        { pool: context.ukrainian, weight: 30 },
        { pool: context.russian, weight: 25 },
        { pool: context.macedonian, weight: 5 },
        { pool: context.greek, weight: 10 },
        ...european.map((pool) => ({ pool, weight: 30 / european.length })),
      ],
    },
    {
      fileName: 'records-horn-of-africa.csv',
      prefix: 'ha',
      records: 2500,
      pools: [
        { pool: context.ethiopian, weight: 78 },
        { pool: context.arabic, weight: 18, countries: ['SD', 'ER', 'SO', 'ET', 'YE'] },
        { pool: latin('english'), weight: 2 },
        { pool: latin('italian'), weight: 2 },
      ],
    },
    {
      fileName: 'records-mixed.csv',
      prefix: 'mx',
      records: 4000,
      pools: [
        { pool: context.arabic, weight: 22 },
        ...context.arabicScriptOnly.map((pool) => ({ pool, weight: 2 })),
        { pool: context.ethiopian, weight: 14 },
        { pool: context.ukrainian, weight: 12 },
        { pool: context.russian, weight: 8 },
        { pool: context.greek, weight: 3 },
        { pool: context.macedonian, weight: 2 },
        ...context.latin.map((pool) => ({ pool, weight: pool.id === 'vietnamese' ? 6 : pool.id === 'turkish' ? 4 : 1.5 })),
      ],
    },
  ];
}

/** Languages in which a place of birth is written, by the script of the record's name. */
const placeLanguage: Record<Script, readonly string[]> = {
  Arab: ['ar'],
  Cyrl: ['uk', 'ru'],
  Grek: ['el'],
  Ethi: ['am', 'ti'],
  Latn: ['en', 'fr'],
};

/**
 * Builds one record set. Each human gets one record (most) or two to four (a truth group); every record is written the
 * way one registering office might: native script or Latin letters, sometimes with a typo, a dropped middle name, the
 * family name first or an Arabic article changed. Birth dates of one human mostly agree (full date or year only,
 * sometimes a year off, sometimes missing); places are country names as CLDR writes them in the record's language.
 */
export function buildRecordSet(spec: RecordSetSpec, prng: Prng): PersonRecord[] {
  const records: PersonRecord[] = [];
  let humans = 0;
  while (records.length < spec.records) {
    const choice = prng.pickWeighted(spec.pools, (entry) => entry.weight);
    const person = drawPerson(choice.pool, prng);
    const truthId = `${spec.prefix}-h${String(++humans).padStart(5, '0')}`;
    const size = Math.min(
      prng.pickWeighted([1, 2, 3, 4], (n) => [72, 16, 8, 4][n - 1]),
      spec.records - records.length,
    );
    const birth = { year: birthYear(prng), month: prng.between(1, 12), day: prng.between(1, 28) };
    const country = prng.pick(choice.countries ?? person.pool.countries);
    for (let i = 0; i < size; i++) {
      const [fullName, script] = recordName(person, prng, i === 0);
      records.push({
        id: '',
        truthId,
        fullName,
        birthDate: recordDate(birth, prng),
        sex: prng.chance(0.88) ? person.sex : '',
        place: prng.chance(0.7) ? placeName(country, prng.pick(placeLanguage[script])) : '',
      });
    }
  }
  prng.shuffle(records);
  records.forEach((record, i) => (record.id = `${spec.prefix}-r${String(i + 1).padStart(5, '0')}`));
  return records;
}

/** Born 1940-2022, more of them young: a displaced population. */
function birthYear(prng: Prng): number {
  return prng.chance(0.7) ? prng.between(1975, 2022) : prng.between(1940, 1974);
}

function recordDate(birth: { year: number; month: number; day: number }, prng: Prng): string {
  const roll = prng.next();
  if (roll < 0.18) return '';
  const year = roll < 0.23 ? birth.year + prng.pick([-1, 1]) : birth.year;
  if (roll < 0.48) return String(year);
  return `${year}-${String(birth.month).padStart(2, '0')}-${String(birth.day).padStart(2, '0')}`;
}

const displayNames = new Map<string, Intl.DisplayNames>();
function placeName(country: string, language: string): string {
  const names = displayNames.get(language) ?? new Intl.DisplayNames([language], { type: 'region' });
  displayNames.set(language, names);
  return names.of(country) ?? '';
}

function recordName(person: Person, prng: Prng, first: boolean): [string, Script] {
  const hasLatin = latinSchemeCount(person) > 0 && person.parts.every((part) => part.latin.length > 0);
  const native = person.pool.script !== 'Latn' && (!hasLatin || prng.chance(0.45));
  const script: Script = native ? person.pool.script : 'Latn';
  let name = native ? nativeName(person) : latinName(person, prng.int(latinSchemeCount(person)));
  if (first && prng.chance(0.7)) return [name, script];
  if (prng.chance(0.22)) name = scriptTypo(name, script, prng);
  if (prng.chance(0.1) && person.parts.length >= 3) {
    const words = name.split(' ');
    words.splice(prng.between(1, words.length - 2), 1);
    name = words.join(' ');
  }
  const familyIndex = person.roles.indexOf('family');
  if (prng.chance(0.12) && familyIndex > 0 && familyIndex === person.parts.length - 1) {
    const words = name.split(' ');
    const family = words.pop() as string;
    name = [script === 'Latn' && prng.chance(0.5) ? family.toUpperCase() : family, ...words].join(' ');
  }
  if (script === 'Latn' && person.pool.id === 'arabic-wikidata' && prng.chance(0.08)) name = particleVariant(name, true, prng) ?? name;
  return [name, script];
}
