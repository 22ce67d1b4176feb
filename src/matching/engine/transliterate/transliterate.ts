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
  let latin = text.normalize('NFKC').toLowerCase().normalize('NFC');
  // Most names are in one script: each table runs only when a character it reads is present
  // (Script_Extensions also covers the marks, tatweel and digits the tables read).
  for (const [letters, toLatin] of SCRIPT_TABLES) if (letters.test(latin)) latin = toLatin(latin);
  return latinToAscii(latin);
}

const SCRIPT_TABLES: ReadonlyArray<readonly [RegExp, (text: string) => string]> = [
  [/\p{Script_Extensions=Arabic}/u, arabicToLatin],
  [/\p{Script_Extensions=Cyrillic}/u, cyrillicToLatin],
  [/\p{Script_Extensions=Greek}/u, greekToLatin],
  [/\p{Script_Extensions=Ethiopic}/u, ethiopicToLatin],
];

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
