import { doubleMetaphone } from 'double-metaphone';

/**
 * Keys that stay the same across spellings of one name token (lowercase Latin in, opaque strings out).
 * Double Metaphone catches English-style spelling variance; the consonant skeleton catches what
 * transliteration from scripts that do not write short vowels produces (محمد → "mhmd" ~ "mohammed").
 */
export interface TokenKeys {
  metaphone: string[];
  skeleton: string;
  /** the skeleton with q, g and gh as one letter and j apart (see `gutturalSkeleton`); only for tokens with q or g */
  guttural?: string;
}

// Letters and pairs that spellings of one name disagree on (q, g and j apart: see below).
const LETTER_VARIANTS: ReadonlyArray<[RegExp, string]> = [
  [/b/g, 'p'],
  [/ck/g, 'k'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  // Russian and Ukrainian write Arabic h as х, transliterated kh (Хасан = Hasan)
  [/kh/g, 'h'],
  // ش is written sh, ch (French and Maghrebi: Dandach), ş or s (Turkish, often without its cedilla);
  // ч is ch or tch (Fomitch): all meet at s
  [/tch/g, 'ch'],
  [/ch/g, 'sh'],
  [/sh/g, 's'],
  [/x/g, 'ks'],
  // ج is j, dj (Algeria), g (Egypt: Gamal, Naggar) or c (Turkish: Cemal is handled by its class);
  // غ is gh or g
  [/dj/g, 'j'],
  [/gh/g, 'g'],
];

// The skeleton: ق is q or k (Tariq / Tarik), g meets j (ج).
const SPELLING_VARIANTS: ReadonlyArray<[RegExp, string]> = [[/q/g, 'k'], ...LETTER_VARIANTS, [/g/g, 'j']];

/**
 * ق is also g or gh, in Persian, Turkish, Sudanese and Gulf spellings (Taghi / Taqi, Ghorbani /
 * Qorbani, Tarig / Tariq, Yagouta / Yaquta). The skeleton cannot fold q into g, which meets j there
 * (Qasim and Jasim are two names): this second skeleton folds q, gh and g together and keeps j apart.
 */
const GUTTURAL_VARIANTS: ReadonlyArray<[RegExp, string]> = [[/q/g, 'g'], ...LETTER_VARIANTS];

/**
 * Consonants in order, vowels dropped (y and w too, except a w at the start, where it is a
 * consonant), doubled letters collapsed; a final d meets t, and b meets p. A y at the start goes
 * too: Cyrillic е, я, ю begin a name as Ye, Ya, Yu in one standard and E, Ia, Iu in another
 * (Yevgeny / Evgeny, Yakov / Iakov), and يسري is "ysri" where Latin records write Yosri.
 */
export function consonantSkeleton(token: string): string {
  return skeletonWith(token, SPELLING_VARIANTS);
}

/** The consonant skeleton with q, g and gh as one letter and j apart (see GUTTURAL_VARIANTS). */
export function gutturalSkeleton(token: string): string {
  return skeletonWith(token, GUTTURAL_VARIANTS);
}

function skeletonWith(token: string, variants: ReadonlyArray<[RegExp, string]>): string {
  let text = token.toLowerCase().replace(/[^a-z]/g, '');
  // Dropping vowels can bring new pairs together ("deh" -> "dh"): repeat until nothing changes,
  // so that a skeleton is its own skeleton.
  for (let previous = ''; previous !== text;) {
    previous = text;
    for (const [pattern, replacement] of variants) text = text.replace(pattern, replacement);
    const head = text.startsWith('w') ? 'w' : '';
    text = (head + text.slice(head.length).replace(/[aeiouyw]/g, '')).replace(/d$/, 't').replace(/(.)\1+/g, '$1');
  }
  return text;
}

/**
 * Skeletons of a token transliterated from Cyrillic with г read the other way: the tables read it g
 * in Russian text and h in Ukrainian, but the name's Latin records follow the person's own
 * language (Гришко is Hryshko in Ukrainian records, Григорій Grigoriy in Soviet ones). An h of kh,
 * zh, sh or ch is another letter and stays.
 */
export function cyrillicGReadings(token: string, skeleton = consonantSkeleton(token)): string[] {
  if (!/[gh]/.test(token)) return [];
  const readings = [token.replace(/g/g, 'h'), token.replace(/(?<![kzscg])h/g, 'g')].map(consonantSkeleton);
  return readings.filter((reading, index) => reading !== skeleton && readings.indexOf(reading) === index);
}

/** Both Double Metaphone codes (one when they agree) and the consonant skeleton of a token. */
export function tokenKeys(token: string): TokenKeys {
  const [primary, secondary] = doubleMetaphone(token);
  const metaphone = [primary, secondary].filter((code, index, all) => code && all.indexOf(code) === index);
  const guttural = /[gq]/.test(token) ? gutturalSkeleton(token) : undefined;
  return { metaphone, skeleton: consonantSkeleton(token), ...(guttural !== undefined && { guttural }) };
}
