import { doubleMetaphone } from 'double-metaphone';

/**
 * Keys that stay the same across spellings of one name token (lowercase Latin in, opaque strings out).
 * Double Metaphone catches English-style spelling variance; the consonant skeleton catches what
 * transliteration from scripts that do not write short vowels produces (محمد → "mhmd" ~ "mohammed").
 */
export interface TokenKeys {
  metaphone: string[];
  skeleton: string;
}

// Letters and pairs that spellings of one name disagree on.
const SPELLING_VARIANTS: ReadonlyArray<[RegExp, string]> = [
  [/b/g, 'p'],
  [/q/g, 'k'],
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
  // ج is j, dj (Algeria), g (Egypt: Gamal, Naggar) or c (Turkish: Cemal is handled by its class);
  // غ is gh or g
  [/dj/g, 'j'],
  [/gh/g, 'g'],
  [/g/g, 'j'],
  [/x/g, 'ks'],
];

/**
 * Consonants in order, vowels dropped (y and w too, except a w at the start, where it is a
 * consonant), doubled letters collapsed; a final d meets t, and b meets p. A y at the start goes
 * too: Cyrillic е, я, ю begin a name as Ye, Ya, Yu in one standard and E, Ia, Iu in another
 * (Yevgeny / Evgeny, Yakov / Iakov), and يسري is "ysri" where Latin records write Yosri.
 */
export function consonantSkeleton(token: string): string {
  let text = token.toLowerCase().replace(/[^a-z]/g, '');
  // Dropping vowels can bring new pairs together ("deh" -> "dh"): repeat until nothing changes,
  // so that a skeleton is its own skeleton.
  for (let previous = ''; previous !== text;) {
    previous = text;
    for (const [pattern, replacement] of SPELLING_VARIANTS) text = text.replace(pattern, replacement);
    const head = text.startsWith('w') ? 'w' : '';
    text = (head + text.slice(head.length).replace(/[aeiouyw]/g, '')).replace(/d$/, 't').replace(/(.)\1+/g, '$1');
  }
  return text;
}

/** Both Double Metaphone codes (one when they agree) and the consonant skeleton of a token. */
export function tokenKeys(token: string): TokenKeys {
  const [primary, secondary] = doubleMetaphone(token);
  const metaphone = [primary, secondary].filter((code, index, all) => code && all.indexOf(code) === index);
  return { metaphone, skeleton: consonantSkeleton(token) };
}
