import type { NamePart, NamePool } from '../name-model.js';
import { capitalise } from './pool-helpers.js';
import type { IcuTransliterator } from './icu-transliterator.js';
import { stripDiacritics } from './latin-folding.js';
import { readSourceRows } from './psv.js';

/** One name from the Ge'ez source as the source gives it: Ge'ez, scholarly transcription, common ASCII spelling. */
export interface EthiopianSourceName {
  geez: string;
  scholarly: string;
  ascii: string;
}

/** Women's names in the source without the feminine ending ሽ (-sh, as in Aregash, Tirunesh). */
const feminineWithoutEnding = new Set(['አልማዝ', 'ማርታ', 'ማህሌት', 'መዓዛ', 'ገነት', 'ዘውዲቱ', 'ሜሪ', 'አበባ', 'ልዕልት']);

/** The source's rows with honorifics (/.../), parenthesised notes and text after a comma removed. */
export function ethiopianSourceNames(): EthiopianSourceName[] {
  const cleanGeez = (text: string) =>
    text
      .replace(/\s\/.*$/u, '')
      .replace(/\/[^/\s]*\//gu, '')
      .split(/[፣፤,]/u)[0]
      .replace(/\s+/gu, ' ')
      .trim();
  const cleanLatin = (text: string) =>
    text
      .replace(/\(.*?\)/gu, '')
      .replace(/\/.*?\//gu, '')
      .split(',')[0]
      .replace(/\s+/gu, ' ')
      .trim();
  return readSourceRows('geez-sgc-full-names.psv').map(([geez, scholarly, ascii]) => ({
    geez: cleanGeez(geez),
    scholarly: capitalise(cleanLatin(scholarly)),
    ascii: capitalise(cleanLatin(ascii)),
  }));
}

/**
 * Ge'ez name parts with their two Latin spellings (common ASCII, scholarly without diacritics), taken word by word from
 * full names whose three forms have the same number of words and whose words start alike: the first letter of ICU's
 * Ethiopic-Latin romanisation of the Ge'ez word must match the first letter of the scholarly word (vowels as one class).
 * The first word is the person's own name, the others are their father's and grandfather's names.
 */
export function ethiopianPool(names: readonly EthiopianSourceName[], icu: IcuTransliterator): NamePool {
  const given = new Map<string, { latin: Map<string, number>; count: number }>();
  const fathers = new Map<string, { latin: Map<string, number>; count: number }>();
  const add = (table: typeof given, geez: string, spellings: string[]) => {
    const entry = table.get(geez) ?? { latin: new Map<string, number>(), count: 0 };
    for (const spelling of spellings) entry.latin.set(spelling, (entry.latin.get(spelling) ?? 0) + 1);
    entry.count += 1;
    table.set(geez, entry);
  };
  for (const name of names) {
    const geezWords = name.geez.split(' ');
    const asciiWords = name.ascii.split(/[\s-]+/u);
    const scholarlyWords = name.scholarly.split(/[\s-]+/u);
    if (geezWords.length !== asciiWords.length || geezWords.length !== scholarlyWords.length) continue;
    const romanised = icu.transliterate('Ethiopic-Latin', geezWords);
    if (!geezWords.every((_, i) => sameStart(romanised[i], scholarlyWords[i]))) continue;
    geezWords.forEach((geez, i) => {
      const spellings = [capitalise(asciiWords[i].toLowerCase()), capitalise(stripDiacritics(scholarlyWords[i]).toLowerCase())];
      add(i === 0 ? given : fathers, geez, spellings);
    });
  }
  const toParts = (table: typeof given): NamePart[] =>
    [...table].map(([native, entry]) => ({
      native,
      latin: [...entry.latin].sort((a, b) => b[1] - a[1]).map(([spelling]) => spelling),
      weight: entry.count,
    }));
  const givenParts = toParts(given);
  const isFeminine = (part: NamePart) => part.native.endsWith('ሽ') || feminineWithoutEnding.has(part.native);
  return {
    id: 'ethiopian',
    script: 'Ethi',
    countries: ['ET', 'ER'],
    layout: 'given-father-chain',
    given: { M: givenParts.filter((part) => !isFeminine(part)), F: givenParts.filter(isFeminine) },
    fathers: toParts(fathers).filter((part) => !isFeminine(part)),
    family: { M: [], F: [] },
  };
}

function sameStart(romanised: string, scholarly: string): boolean {
  const first = (text: string) => {
    const letter = stripDiacritics(text)
      .toLowerCase()
      .replace(/[^a-zǝ]/gu, '')
      .charAt(0);
    return 'aeiouǝy'.includes(letter) ? 'vowel' : letter;
  };
  return first(romanised) === first(scholarly);
}
