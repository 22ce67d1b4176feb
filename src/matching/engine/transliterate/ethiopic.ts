/**
 * Ge'ez / Ethiopic (Tigrinya, Amharic): a simplified form of common Tigrinya/Amharic romanisation, without
 * diacritics. The syllabary (U+1200–U+135A) comes in rows of 8 code points, one row per consonant, ordered
 * ä u i a e ə o wa; ä is written e (ገብረ → gebre) and the sixth order ə is dropped (ሰላም → selam), except that:
 * - after the laryngeals ሀ ሐ ኀ and the glottal stops አ ዐ the first order reads a (ሀብቶም → habtom, አበበ → abebe),
 *   and the glottal sixth order reads e (እዮብ → eyob);
 * - labialised rows (ቈ ቘ ኈ ኰ ዀ ጐ) read consonant + w + vowel (ጓ → gwa).
 * The word space ፡ and Ethiopic punctuation separate words; Ethiopic numerals (not positional) are dropped.
 */

/** First code point of each row → its consonant ('' for the glottal and pharyngeal rows: just the vowel). */
// prettier-ignore
const ROWS: ReadonlyMap<number, string> = new Map([
  [0x1200, 'h'], [0x1208, 'l'], [0x1210, 'h'], [0x1218, 'm'], [0x1220, 's'], [0x1228, 'r'], [0x1230, 's'],
  [0x1238, 'sh'], [0x1240, 'q'], [0x1250, 'qh'], [0x1260, 'b'], [0x1268, 'v'], [0x1270, 't'], [0x1278, 'ch'],
  [0x1280, 'h'], [0x1290, 'n'], [0x1298, 'ny'], [0x12a0, ''], [0x12a8, 'k'], [0x12b8, 'kh'], [0x12c8, 'w'],
  [0x12d0, ''], [0x12d8, 'z'], [0x12e0, 'zh'], [0x12e8, 'y'], [0x12f0, 'd'], [0x12f8, 'd'], [0x1300, 'j'],
  [0x1308, 'g'], [0x1318, 'ng'], [0x1320, 't'], [0x1328, 'ch'], [0x1330, 'p'], [0x1338, 'ts'], [0x1340, 'ts'],
  [0x1348, 'f'], [0x1350, 'p'],
]);
/** Labialised rows (only orders 1, 3, 4, 5, 6 are assigned) → their consonant, before the w. */
// prettier-ignore
const LABIALISED_ROWS: ReadonlyMap<number, string> = new Map([
  [0x1248, 'q'], [0x1258, 'qh'], [0x1288, 'h'], [0x12b0, 'k'], [0x12c0, 'kh'], [0x1310, 'g'],
]);
const ORDERS = ['e', 'u', 'i', 'a', 'e', '', 'o', 'wa'] as const;
/** Rows whose first order reads a: the laryngeals and the glottal/pharyngeal stops. */
const FIRST_ORDER_A = new Set([0x1200, 0x1210, 0x1280, 0x12a0, 0x12d0]);
const GLOTTAL = new Set([0x12a0, 0x12d0]);
const ETHIOPIC = /\p{Script=Ethiopic}/u;
const YA_SYLLABLES: Readonly<Record<string, string>> = { ፘ: 'rya', ፙ: 'mya', ፚ: 'fya' };

/** Reads one Ethiopic character, or undefined when it is not a syllable of the table. */
function syllable(ch: string): string | undefined {
  if (!ETHIOPIC.test(ch)) return undefined;
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x1361 && code <= 0x1368) return ' ';
  if (Object.hasOwn(YA_SYLLABLES, ch)) return YA_SYLLABLES[ch];
  const row = code - (code % 8);
  const order = code - row;
  const labialised = LABIALISED_ROWS.get(row);
  if (labialised !== undefined) return labialised + 'w' + ORDERS[order];
  const consonant = ROWS.get(row);
  if (consonant === undefined) return undefined;
  if (order === 0 && FIRST_ORDER_A.has(row)) return consonant + 'a';
  if (order === 5 && GLOTTAL.has(row)) return 'e';
  return consonant + ORDERS[order];
}

/** Transliterates the Ethiopic syllables and punctuation of NFC text; other characters pass through. */
export function ethiopicToLatin(text: string): string {
  let out = '';
  for (const ch of text) out += syllable(ch) ?? ch;
  return out;
}
