import { ar, fa, ku_ckb, ur } from '@faker-js/faker';
import type { NamePart, NamePool, Sex } from '../name-model.js';
import type { Prng } from '../prng.js';
import { bySex, capitalise, partsFromList } from './pool-helpers.js';
import { readSourceRows } from './psv.js';

/** Women's names among the Wikidata tokens that the ending rule below misses. */
const feminineWithoutTaMarbuta = new Set(['هدى', 'يسرا', 'نسرين', 'ابتسام', 'تغريد', 'فردوس', 'غفران', 'حسناء', 'رجاء']);

/**
 * Arabic-script names with real Latin spellings: the Wikidata tokens (CC0). Tokens sharing an Arabic spelling are one
 * name whose Latin spellings are ordered by how often Wikidata uses them. Roles follow the shape of the word: a token
 * with the article (ال) or a nisba ending (ي, five letters or more) is a family name; one ending in ta marbuta (ة)
 * or in the list above is a woman's name; the rest are men's names, which also serve as fathers' names.
 */
export function arabicWikidataPool(): NamePool {
  const byArabic = new Map<string, { latin: Map<string, number>; count: number }>();
  for (const [latin, arabic, count] of readSourceRows('arabic-wikidata-name-tokens.psv')) {
    const entry = byArabic.get(arabic) ?? { latin: new Map<string, number>(), count: 0 };
    const spelling = capitalise(latin);
    entry.latin.set(spelling, (entry.latin.get(spelling) ?? 0) + Number(count));
    entry.count += Number(count);
    byArabic.set(arabic, entry);
  }
  const parts: NamePart[] = [...byArabic].map(([native, entry]) => ({
    native,
    latin: [...entry.latin].sort((a, b) => b[1] - a[1]).map(([spelling]) => spelling),
    weight: Math.log2(entry.count + 1),
  }));
  const isFamily = (part: NamePart) => part.native.startsWith('ال') || (part.native.endsWith('ي') && [...part.native].length >= 5);
  const isFeminine = (part: NamePart) => part.native.endsWith('ة') || feminineWithoutTaMarbuta.has(part.native);
  const family = parts.filter(isFamily);
  const men = parts.filter((part) => !isFamily(part) && !isFeminine(part));
  const women = parts.filter((part) => !isFamily(part) && isFeminine(part));
  return {
    id: 'arabic-wikidata',
    script: 'Arab',
    countries: ['SY', 'IQ', 'SD', 'YE', 'LY', 'PS', 'EG', 'LB', 'JO', 'TN', 'MA', 'DZ', 'IR', 'AF'],
    layout: 'given-father-chain',
    given: { M: men, F: women },
    fathers: men,
    family: { M: family, F: family },
  };
}

/**
 * Names written only in Arabic script (faker's ar, fa, ur and ckb locales): no source gives their Latin spelling, so
 * they appear only where both sides are in Arabic script (same-script typos, orders) and as records that match nothing.
 */
export function arabicScriptOnlyPools(prng: Prng): NamePool[] {
  const locales = [
    { id: 'arabic-native', person: ar.person, countries: ['SY', 'IQ', 'SD', 'YE', 'EG', 'LY', 'PS'] },
    { id: 'persian-native', person: fa.person, countries: ['IR', 'AF'] },
    { id: 'urdu-native', person: ur.person, countries: ['PK', 'AF'] },
    { id: 'kurdish-native', person: ku_ckb.person, countries: ['IQ', 'SY'] },
  ];
  const none = () => [] as string[];
  return locales.map(({ id, person, countries }) => {
    const lists = person as Record<string, unknown>;
    const given = bySex(lists.first_name as never);
    const family = bySex(lists.last_name as never);
    const men = partsFromList(given.M, none, prng);
    const pool: NamePool = {
      id,
      script: 'Arab',
      countries,
      layout: 'given-father-chain',
      given: { M: men, F: partsFromList(given.F, none, prng) } as Record<Sex, NamePart[]>,
      fathers: men,
      family: { M: partsFromList(family.M, none, prng), F: partsFromList(family.F, none, prng) },
    };
    return pool;
  });
}
