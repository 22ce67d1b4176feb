import { sameShape } from './arabic-dots.js';
import { CYRILLIC_SLIPS, LATIN_SLIPS, type SlipLetters } from './keyboards.js';
import type { TokenForm } from './normalise-name.js';
import { sameFirstLetter, typingSlipCost } from './typing-slips.js';
import { isMistypedSyllable } from './vietnamese.js';

/**
 * How the way a token was written limits what it can agree with: the keyboard it was typed on, the
 * first letter writers get right, the shapes of Arabic letters, the syllables of Vietnamese, the
 * head of an Arabic compound (decision 0027). Used by token-similarity.ts.
 */

/**
 * Whether a token is `abd`, the head of a theophoric compound (Abdul Rahman, Abd al-Karim, عبد), to
 * which the tokeniser brings every spelling of it. It is not a name of its own: its skeleton (bd)
 * and sound code are those of other names (Abbad عباد, Abid عابد), which must not meet it. A word
 * written in Arabic script is the head only when written so (عبد): the vowel-less transliteration of
 * عابد is abd too.
 */
export function isCompoundHead(t: TokenForm): boolean {
  return t.token === 'abd' && (t.arabic === undefined || t.arabic === 'عبد');
}

/**
 * Whether two names typed in Latin letters begin with other consonants, neither spelled (Yermanou /
 * Germanou) nor heard (Charova / Sharova, both X in Double Metaphone) alike: Kuehn / Huhn, Gučev /
 * Jačev. The skeleton folds such consonants together for transliterations from other scripts, but a
 * name typed in Latin letters begins as its writer hears it. A vowel is not compared: diminutives
 * and transliterations drop or change one (Stella / Estella, Onorina / Norina, Oleg / Aleg).
 */
export function otherFirstConsonant(a: TokenForm, b: TokenForm): boolean {
  if (sameFirstLetter(a.token, b.token) || /^[aeiouy]/.test(a.token) || /^[aeiouy]/.test(b.token)) return false;
  return !a.metaphone.some((x) => b.metaphone.some((y) => x[0] === y[0]));
}

/** Two tokens as both were typed, with the slips of their keyboard, when both were typed in one script the engine knows slips of. */
export interface TypedPair {
  a: string;
  b: string;
  letters: SlipLetters;
}

export function typedPair(a: TokenForm, b: TokenForm): TypedPair | undefined {
  if (a.typedInLatin && b.typedInLatin) return { a: a.token, b: b.token, letters: LATIN_SLIPS };
  if (a.cyrillic !== undefined && b.cyrillic !== undefined) return { a: a.cyrillic, b: b.cyrillic, letters: CYRILLIC_SLIPS };
  return undefined;
}

/**
 * Whether one slip between two tokens would change a first letter that writers get right: in Latin
 * letters it makes another name of one family (Mélodie / Élodie, Zora / Lora, Kolya / Tolya) unless
 * the two letters spell one sound (Yermanou / Germanou); in Arabic script a first letter of another
 * shape is another name (احسن / محسن, Ahsan / Muhsin), where a misread dot is not (dotsMisread).
 */
export function otherInitial(a: TokenForm, b: TokenForm): boolean {
  const typed = typedPair(a, b);
  if (typed?.letters === LATIN_SLIPS) return !sameFirstLetter(typed.a, typed.b, typed.letters);
  if (a.arabic !== undefined && b.arabic !== undefined) return !sameShape(a.arabic[0], b.arabic[0]);
  return false;
}

/**
 * Names of three letters or fewer are too short to tell a slip from another name (Lan / Lâm), except
 * where one of them cannot be a name: a Vietnamese syllable that ends as none does (Bùi / Bùl, Bùi /
 * Bùk) is one slip of the hand or eye from the other.
 */
export function shortSyllableSlip(a: TokenForm, b: TokenForm): boolean {
  if (!a.vietnamese && !b.vietnamese) return false;
  if (!isMistypedSyllable(a.token) && !isMistypedSyllable(b.token)) return false;
  const typed = typedPair(a, b);
  return typed !== undefined && a.token.length === b.token.length && typingSlipCost(typed.a, typed.b, typed.letters) <= 1;
}
