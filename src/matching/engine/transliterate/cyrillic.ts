/**
 * Cyrillic. Text containing any of є і ї ґ is read as Ukrainian and follows the 2010 Ukrainian national
 * transliteration (Cabinet of Ministers resolution 55, including зг → zgh); anything else is read as Russian
 * and follows a simplified BGN/PCGN (no diacritics or apostrophes: ё → e, ь and ъ dropped, е → ye only
 * word-initially). Text containing any of ђ ј љ њ ћ џ ѓ ќ ѕ is read as Serbian/Macedonian and follows their Latin
 * alphabets without diacritics (ш → s, ц → c, ђ → dj, ћ → c). Belarusian ў reads u.
 * A pair [initial, other] gives the word-initial form first.
 */
import { isWordStart } from './word.js';

type Reading = string | readonly [initial: string, other: string];

// prettier-ignore
const RUSSIAN: Readonly<Record<string, Reading>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: ['ye', 'e'], ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Serbian, Macedonian, Belarusian
  ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz', ў: 'u',
  // Ukrainian letters, should they appear in otherwise Russian text
  є: 'ye', і: 'i', ї: 'yi', ґ: 'g',
};

/** Where Ukrainian differs from the Russian table. */
// prettier-ignore
const UKRAINIAN: Readonly<Record<string, Reading>> = {
  ...RUSSIAN,
  г: 'h', е: 'e', и: 'y', є: ['ye', 'ie'], ї: ['yi', 'i'], й: ['y', 'i'], ю: ['yu', 'iu'], я: ['ya', 'ia'],
};

/** Serbian and Macedonian: the letters of their Latin alphabets, without diacritics (ш š → s, ц c → c). */
// prettier-ignore
const SOUTH_SLAVIC: Readonly<Record<string, Reading>> = {
  ...RUSSIAN,
  е: 'e', ж: 'z', и: 'i', х: 'h', ц: 'c', ч: 'c', ш: 's',
};

const UKRAINIAN_LETTERS = /[єіїґЄІЇҐ]/u;
const SOUTH_SLAVIC_LETTERS = /[ђјљњћџѓќѕЂЈЉЊЋЏЃЌЅ]/u;

/** Transliterates the Cyrillic letters of lowercase NFC text; other characters pass through. */
export function cyrillicToLatin(text: string): string {
  const table = UKRAINIAN_LETTERS.test(text) ? UKRAINIAN : SOUTH_SLAVIC_LETTERS.test(text) ? SOUTH_SLAVIC : RUSSIAN;
  const chars = [...text];
  return chars
    .map((ch, i) => {
      if (!Object.hasOwn(table, ch)) return ch;
      // Ukrainian зг is written zgh, to keep it apart from ж (zh).
      if (table === UKRAINIAN && ch === 'г' && chars[i - 1] === 'з') return 'gh';
      const reading = table[ch];
      return typeof reading === 'string' ? reading : reading[isWordStart(chars, i) ? 0 : 1];
    })
    .join('');
}
