import { el, mk, ru, uk } from '@faker-js/faker';
import type { NamePool, Sex } from '../name-model.js';
import type { Prng } from '../prng.js';
import { romaniseRussian, romaniseUkrainianNational, russianSchemes } from './cyrillic-romanisers.js';
import type { IcuTransliterator } from './icu-transliterator.js';
import { stripDiacritics } from './latin-folding.js';
import { bySex, partsFromList } from './pool-helpers.js';

type Lists = { male?: readonly string[]; female?: readonly string[]; generic?: readonly string[] };

function names(lists: unknown): Record<Sex, string[]> {
  return bySex(lists as Lists);
}

/** Ukrainian names (faker's uk locale), romanised by the national 2010 system and by BGN/PCGN (ICU). */
export function ukrainianPool(icu: IcuTransliterator, prng: Prng): NamePool {
  const person = uk.person as Record<string, unknown>;
  const all = [names(person.first_name), names(person.middle_name), names(person.last_name)].flatMap((n) => [...n.M, ...n.F]);
  const bgnSpellings = icu.transliterate('Ukrainian-Latin/BGN', all);
  const bgn = new Map(all.map((name, i) => [name, bgnSpellings[i]]));
  const romanise = (native: string) => [romaniseUkrainianNational(native), stripDiacritics(bgn.get(native) ?? '').replace(/[ʼ’']/g, '')];
  return slavicPool('ukrainian', ['UA'], person, romanise, prng);
}

/** Russian names (faker's ru locale), romanised by seven standards implemented by iuliia. */
export function russianPool(prng: Prng): NamePool {
  const romanise = (native: string) => russianSchemes.map((scheme) => romaniseRussian(native, scheme));
  return slavicPool('russian', ['RU'], ru.person as Record<string, unknown>, romanise, prng);
}

function slavicPool(
  id: string,
  countries: string[],
  person: Record<string, unknown>,
  romanise: (n: string) => string[],
  prng: Prng,
): NamePool {
  const given = names(person.first_name);
  const patronymic = names(person.middle_name);
  const family = names(person.last_name);
  return {
    id,
    script: 'Cyrl',
    countries,
    layout: 'given-patronymic-family',
    given: { M: partsFromList(given.M, romanise, prng), F: partsFromList(given.F, romanise, prng) },
    patronymic: { M: partsFromList(patronymic.M, romanise, prng), F: partsFromList(patronymic.F, romanise, prng) },
    family: { M: partsFromList(family.M, romanise, prng), F: partsFromList(family.F, romanise, prng) },
    fathers: [],
  };
}

/** Macedonian names (faker's mk locale), romanised by BGN/PCGN (ICU): a Balkan Cyrillic community. */
export function macedonianPool(icu: IcuTransliterator, prng: Prng): NamePool {
  const person = mk.person as Record<string, unknown>;
  const given = names(person.first_name);
  const family = names(person.last_name);
  const all = [...given.M, ...given.F, ...family.M, ...family.F];
  const bgnSpellings = icu.transliterate('Macedonian-Latin/BGN', all);
  const bgn = new Map(all.map((name, i) => [name, bgnSpellings[i]]));
  const romanise = (native: string) => [bgn.get(native) ?? '', stripDiacritics(bgn.get(native) ?? '')];
  return {
    id: 'macedonian',
    script: 'Cyrl',
    countries: ['MK'],
    layout: 'given-family',
    given: { M: partsFromList(given.M, romanise, prng), F: partsFromList(given.F, romanise, prng) },
    family: { M: partsFromList(family.M, romanise, prng), F: partsFromList(family.F, romanise, prng) },
    fathers: [],
  };
}

/**
 * Greek names (faker's el locale), romanised by ELOT 743 / UN (ICU's Greek-Latin/UNGEGN) and BGN/PCGN, accents removed
 * as passports and most records do. Faker lists family names without sex; Greek women's family names are genitive
 * (-ου, -ούς...), so a name ending in ου is taken as a woman's.
 */
export function greekPool(icu: IcuTransliterator, prng: Prng): NamePool {
  const person = el.person as Record<string, unknown>;
  const given = names(person.first_name);
  const familyAll = (person.last_name as Lists).generic ?? [];
  const isFeminine = (name: string) => /ου$/u.test(stripDiacritics(name));
  const all = [...given.M, ...given.F, ...familyAll];
  const ungegn = icu.transliterate('Greek-Latin/UNGEGN', all);
  const bgnSpellings = icu.transliterate('Greek-Latin/BGN', all);
  const table = new Map(all.map((name, i) => [name, [stripDiacritics(ungegn[i]), stripDiacritics(bgnSpellings[i])]]));
  const romanise = (native: string) => table.get(native) ?? [];
  return {
    id: 'greek',
    script: 'Grek',
    countries: ['GR', 'CY'],
    layout: 'given-family',
    given: { M: partsFromList(given.M, romanise, prng), F: partsFromList(given.F, romanise, prng) },
    family: {
      M: partsFromList(
        familyAll.filter((name) => !isFeminine(name)),
        romanise,
        prng,
      ),
      F: partsFromList(familyAll.filter(isFeminine), romanise, prng),
    },
    fathers: [],
  };
}
