/**
 * Vietnamese names: every word is one syllable, and a syllable's vowel is part of its identity
 * (Trần and Trịnh are two family names, Huyền and Huỳnh two words), while a sound code such as
 * Double Metaphone keeps consonants only and reads them as one.
 */

/**
 * Whether a name is written with letters only Vietnamese uses: ơ, ư, or a vowel with a tone mark
 * from the Latin Extended Additional block (ạ ả ấ ầ ẩ ẫ ậ … ỹ); or with a vowel under a grave
 * accent beside another vowel (Bùi, Hoài), which Vietnamese writes for the falling tone, while French
 * writes à and ù only at the end of a few short words that are no names (là, où) and Italian its
 * graves at a word's end (Niccolò).
 * Without its marks (Tran, Huong) a Vietnamese name cannot be told from another.
 */
export function isWrittenVietnamese(name: string): boolean {
  const letters = /[\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/u;
  // Marks written as combining characters are read as the letters they make.
  const composed = /[\u0300-\u036F]/u.test(name) ? name.normalize('NFC') : name;
  return letters.test(composed) || FALLING_TONE_BESIDE_VOWEL.test(composed);
}

/** A vowel with a grave accent before or after another vowel (ùi, oà, ìa). */
const FALLING_TONE_BESIDE_VOWEL = /[aeiouy][àèìòù]|[àèìòù][aeiouy]/iu;

const vowelGroups = (token: string): string[] => token.match(/[aeiouy]+/g) ?? [];

/** Whether two one-syllable tokens have different vowels (tran / trinh, huyen / huynh). */
export function otherSyllableVowel(a: string, b: string): boolean {
  const [va, vb] = [vowelGroups(a), vowelGroups(b)];
  return va.length === 1 && vb.length === 1 && va[0] !== vb[0];
}

/** How a Vietnamese syllable may end: a vowel, or one of the final consonants c, ch, m, n, ng, nh, p, t. */
const SYLLABLE_END = /(?:[aeiouy]|c|ch|m|n|ng|nh|p|t)$/;

/** The tone marks (grave, acute, hook, tilde, dot below), which leave the vowel itself as it is. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * The vowels iê (yê), uô and ươ end no syllable: with nothing after them the language writes ia
 * (ya), ua and ưa (Diệu, Thuận, Dương; never Diệ).
 */
const OPEN_DIPHTHONG_END = /(?:iê|yê|uô|ươ)$/;

/**
 * Whether a token of a name written with Vietnamese letters ends as no Vietnamese syllable does
 * (Bùl, Bùk; Diệ when its marks are known, `marked`): it is a slip, since the writer meant a
 * syllable of the language.
 */
export function isMistypedSyllable(token: string, marked?: string): boolean {
  if (!SYLLABLE_END.test(token)) return true;
  return marked !== undefined && OPEN_DIPHTHONG_END.test(marked.normalize('NFD').replace(TONES, '').normalize('NFC'));
}
