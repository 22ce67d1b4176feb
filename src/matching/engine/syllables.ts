/**
 * Whether a token could be one syllable of Vietnamese or of Mandarin in pinyin, whose names are
 * made of such syllables (Nguyen Van Ngo, Li Luo): there two syllables a letter apart are mostly two
 * names (Ngô / Nô, Luo / Lu, Hou / Hu), whatever a list of given names says. Read on the letters
 * without marks, as the matcher's tokens are.
 */
export function couldBeOneSyllable(token: string): boolean {
  return VIETNAMESE_SYLLABLE.test(token) || PINYIN_SYLLABLE.test(token);
}

/**
 * A Vietnamese syllable: an initial consonant (đ written d), one to three vowels, and at most one
 * of the final consonants c, ch, m, n, ng, nh, p, t.
 */
const VIETNAMESE_SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

/** A pinyin syllable: an initial and one of the finals of Mandarin, ü written u or v. */
const PINYIN_SYLLABLE =
  /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:a|o|e|i|u|v|ai|ei|ao|ou|an|en|ang|eng|ong|er|ia|ie|iao|iu|ian|in|iang|ing|iong|ua|uo|uai|ui|uan|un|uang|ue|ve)$/;
