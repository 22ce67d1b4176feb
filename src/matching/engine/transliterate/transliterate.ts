import { arabicToLatin } from './arabic.js';
import { cyrillicToLatin } from './cyrillic.js';
import { ethiopicToLatin } from './ethiopic.js';
import { greekToLatin } from './greek.js';
import { latinToAscii } from './latin.js';

/**
 * Deterministic transliteration of a name to lowercase ASCII (letters, digits, single spaces, hyphens), for matching,
 * not display. Scripts may be mixed; each script's letters go through its own table, then diacritics are stripped
 * and anything unmappable is dropped.
 */
export function transliterate(text: string): string {
  const prepared = text.normalize('NFKC').toLowerCase().normalize('NFC');
  return latinToAscii(ethiopicToLatin(greekToLatin(cyrillicToLatin(arabicToLatin(prepared)))));
}

const SCRIPTS: ReadonlyArray<readonly [code: string, pattern: RegExp]> = [
  ['Latn', /\p{Script=Latin}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Ethi', /\p{Script=Ethiopic}/u],
];

/** ISO 15924 codes of the scripts present in the text, among Latn, Arab, Cyrl, Grek and Ethi (others are not reported). */
export function detectScripts(text: string): string[] {
  return SCRIPTS.filter(([, pattern]) => pattern.test(text)).map(([code]) => code);
}
