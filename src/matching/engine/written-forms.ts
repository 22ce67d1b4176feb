import { sameShape } from './arabic-dots.js';
import { CYRILLIC_SLIPS, LATIN_SLIPS, type SlipLetters } from './keyboards.js';
import type { TokenForm } from './normalise-name.js';
import { isConfusable, sameFirstLetter, typingSlipCost } from './typing-slips.js';
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

/** Spellings of the compound head that the tokeniser brings to `abd` (name-tokens.ts). */
const HEAD_SPELLINGS = ['abdul', 'abdel', 'abdal', 'abdol', 'abdoul', 'abdur'];

/**
 * Whether a word typed in Latin letters is a spelling of the compound head with one slip of the
 * hand or eye in it (Abdvl, Abdul with u read as v; Abdek): the tokeniser does not know it for the
 * head, so it meets `abd` as this slip, not as a longer name that begins with it.
 */
export function isMistypedHead(t: TokenForm): boolean {
  if (!t.typedInLatin || !t.token.startsWith('abd') || t.token.length < 5 || t.token.length > 7) return false;
  return HEAD_SPELLINGS.some((head) => typingSlipCost(head, t.token, LATIN_SLIPS) <= 1);
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
  if (a.typedInGeez && b.typedInGeez) return otherFirstSyllable(a.token, b.token);
  return false;
}

/**
 * Whether two words typed in Ge'ez begin with syllables of other consonants (አያሌው / ያለው, Ayalew /
 * Yalew), read on their transliterations: each Ge'ez letter is a whole syllable, so a first letter
 * dropped or changed is a first syllable of another name, as in Latin letters. Two first letters
 * that are both vowels are one vowel carrier (አ, ዐ, እ) in other vowel orders, a slip of one key.
 */
function otherFirstSyllable(a: string, b: string): boolean {
  if (a[0] === b[0]) return false;
  return !(VOWELS.includes(a[0]) && VOWELS.includes(b[0]));
}

const VOWELS = 'aeiou';

/**
 * Whether two names typed in Latin letters have other numbers of a w before a vowel (Alwiya /
 * Aleya, Owoyemi / Oyeyemi, Otiewa / Otuo). Such a w is a consonant (Arabic و, Yoruba and Akan w),
 * but Double Metaphone, made for English spellings, leaves it out of the code after the first
 * letter, so it joins names that differ by that consonant. Two such names share no sound code.
 */
export function otherConsonantW(a: TokenForm, b: TokenForm): boolean {
  return a.typedInLatin === true && b.typedInLatin === true && consonantWs(a.token) !== consonantWs(b.token);
}

const consonantWs = (token: string): number => token.match(/w(?=[aeiouy])/g)?.length ?? 0;

/**
 * Names of three letters or fewer are too short to tell a slip from another name (Lan / Lâm), except
 * where one of them cannot be a name: a Vietnamese syllable that ends as none does (Bùi / Bùl, Bùi /
 * Bùk) is one slip of the hand or eye from the other, and so is one whose last letter was dropped
 * (Diệu / Diệ; decision 0030).
 */
export function shortSyllableSlip(a: TokenForm, b: TokenForm): boolean {
  if (!a.vietnamese && !b.vietnamese) return false;
  if (!isMistypedSyllable(a.token, a.marked) && !isMistypedSyllable(b.token, b.marked)) return false;
  const typed = typedPair(a, b);
  if (typed === undefined) return false;
  if (a.token.length === b.token.length) return typingSlipCost(typed.a, typed.b, typed.letters) <= 1;
  const [shorter, longer] = a.token.length < b.token.length ? [a.token, b.token] : [b.token, a.token];
  return longer.length === shorter.length + 1 && longer.startsWith(shorter);
}

/**
 * Two words typed in Cyrillic letters are compared on their letters, as two Arabic-script words
 * are: the alphabet spells Russian and Ukrainian names much as they sound, and the variants of one
 * name it writes differ in vowels, in the letters of the other language (і/и, є/е) and in slips,
 * which the Cyrillic slip table reads (keyboards.ts). A sound code of their transliterations keeps
 * consonants only and joins other names (Нонна / Нина, Михайлівна / Миколаївна); their skeleton
 * folds consonants that Cyrillic writes apart (ш / ч in Сушко / Сучак, д / г in Эдгарович / Егорович).
 */
export const bothTypedInCyrillic = (a: TokenForm, b: TokenForm): boolean => a.cyrillic !== undefined && b.cyrillic !== undefined;

/**
 * Consonants of a word typed in Cyrillic, in order: vowels, й and the soft and hard signs left out,
 * doubled letters as one, and ґ and щ read as г and ш (letters a hand or a keyboard leaves unmarked).
 */
export function cyrillicConsonants(word: string): string {
  return word
    .replace(/ґ/g, 'г')
    .replace(/щ/g, 'ш')
    .replace(/[аеёиіїоуыэюяєйьъ'’ʼ]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/** Whether two words typed in Cyrillic have other consonants as typed (see bothTypedInCyrillic). */
export function otherCyrillicConsonants(a: TokenForm, b: TokenForm): boolean {
  return a.cyrillic !== undefined && b.cyrillic !== undefined && cyrillicConsonants(a.cyrillic) !== cyrillicConsonants(b.cyrillic);
}

/**
 * Whether two names typed in Latin letters, of one length, differ in one letter that no hand, eye
 * or ear puts for the other (Taddele / Taddese, Emil / Emin, Jane / Jake): a record-keeping slip
 * strikes a neighbouring key, misreads a letter that looks alike or spells one sound another way,
 * while names of one family differ in any letter. Such a pair is two slips apart, not one. Two
 * letters swapped stay one slip. The sound-alike letters are the slip table's, and the letters one
 * sound is written with in the orthographies names are spelled in (ONE_SOUND).
 */
export function unslippedLetter(a: TokenForm, b: TokenForm): boolean {
  if (!a.typedInLatin || !b.typedInLatin || a.token.length !== b.token.length) return false;
  let at = -1;
  for (let i = 0; i < a.token.length; i += 1) {
    if (a.token[i] === b.token[i]) continue;
    if (at >= 0) return false;
    at = i;
  }
  if (at < 0) return false;
  const [x, y] = [a.token[at], b.token[at]];
  return !isConfusable(x, y, LATIN_SLIPS) && !ONE_SOUND.has(x + y);
}

/**
 * Letters that write one sound in one spelling of a name and another letter in another: c and s
 * (c before e, i and y: Cesar / Sesar; the transliterations of ц: Tsvetkova / Tcvetkova), c and j
 * (Turkish and Azerbaijani c is j: Necati / Nejati, Hatice / Hatije), x and h (Somali x is the h
 * of ح: Maxamed / Mahamed, Faarax / Faarah).
 */
const ONE_SOUND: ReadonlySet<string> = new Set(['cs', 'sc', 'cj', 'jc', 'xh', 'hx']);

/** A vowel with a mark on it (á, ò, ê, ữ), read from a word as written: its letter without marks. */
function markedVowel(letter: string): string | undefined {
  const base = letter.normalize('NFD')[0];
  return base !== letter && 'aeiouy'.includes(base) ? base : undefined;
}

/**
 * Whether two words typed in Latin letters with marks have, at one place, marked vowels of other
 * letters (Gámez / Gómez, Thị / Thủ): a writer who types a mark on a vowel means that vowel, and in
 * the languages that mark the stressed vowel (Spanish, Portuguese, Italian) or every vowel's tone
 * (Vietnamese) the vowel under it is part of the name. The skeleton and the sound code, which drop
 * vowels, would read them as one name. Unmarked letters are not compared: a mark left off is
 * common (Gómez / Gomez).
 */
export function otherMarkedVowel(a: TokenForm, b: TokenForm): boolean {
  if (a.marked === undefined || b.marked === undefined) return false;
  const [x, y] = [[...a.marked], [...b.marked]];
  if (x.length !== y.length) return false;
  return x.some((letter, at) => {
    const [vx, vy] = [markedVowel(letter), markedVowel(y[at])];
    return vx !== undefined && vy !== undefined && vx !== vy;
  });
}
