import Fuse from 'fuse.js';
import { dotsMisread } from './arabic-dots.js';
import { boundedEditDistance } from './edit-distance.js';
import { droppedLetterLeavesNoName, surnameFromGivenName } from './known-names.js';
import type { NormalisedToken, TokenForm } from './normalise-name.js';
import { withinTwoTypingSlips } from './typing-slips.js';
import { otherSyllableVowel } from './vietnamese.js';
import {
  bothTypedInCyrillic,
  isCompoundHead,
  isMistypedHead,
  otherConsonantW,
  otherCyrillicConsonants,
  otherFirstConsonant,
  otherInitial,
  otherMarkedVowel,
  shortSyllableSlip,
  typedPair,
  unslippedLetter,
} from './written-forms.js';

/**
 * How two tokens agree; `joined` is one token against two written apart (see score-pair). `typo` is
 * one slip, `near` two slips or fuse.js's fuzzy likeness: different names of one family often lie
 * two slips apart (Cedomir / Radomir), a record-keeping slip mostly one.
 */
export type TokenAgreement = 'exact' | 'equivalent' | 'skeleton' | 'phonetic' | 'nickname' | 'typo' | 'near' | 'prefix' | 'joined' | 'none';

/** fuse.js score at or below which two tokens are taken as one name with a typo (0 = identical). */
const TYPO_SCORE = 0.3;

/** Agreements from strongest to weakest: a token pair takes the first that holds. */
export const STRENGTH: readonly TokenAgreement[] = [
  'exact',
  'equivalent',
  'skeleton',
  'phonetic',
  'nickname',
  'typo',
  'near',
  'prefix',
  'joined',
  'none',
];

/**
 * Agreements already worked out, by the two tokens' serial numbers (normalise-name.ts): names
 * repeat, so the same two spellings meet in candidate after candidate and job after job (Mohammed
 * against Ahmed). Numbers and agreements only, no names; emptied whole when full,
 * which keeps it bounded at the cost of a few comparisons made again. Tokens made by hand (tests)
 * have no serial and are always compared afresh.
 */
const agreements = new Map<number, Map<number, TokenAgreement>>();
let rememberedAgreements = 0;
const MAX_AGREEMENTS = 200_000;

/**
 * How two tokens agree, strongest first. A token that may carry a glued article ("Alnagar",
 * "Elabed") is also compared without it, since one spelling of a name writes the article and another does not.
 */
export function compareTokens(a: NormalisedToken, b: NormalisedToken): TokenAgreement {
  if (a.serial === undefined || b.serial === undefined) return compareTokensAfresh(a, b);
  let row = agreements.get(a.serial);
  const known = row?.get(b.serial);
  if (known !== undefined) return known;
  const agreement = compareTokensAfresh(a, b);
  if (rememberedAgreements >= MAX_AGREEMENTS) {
    agreements.clear();
    rememberedAgreements = 0;
    row = undefined;
  }
  if (!row) agreements.set(a.serial, (row = new Map()));
  row.set(b.serial, agreement);
  rememberedAgreements += 1;
  return agreement;
}

function compareTokensAfresh(a: NormalisedToken, b: NormalisedToken): TokenAgreement {
  const direct = compareForms(a, b);
  // As written, "Alnagar" and "Nagar" look like a typo; without the article they are one name.
  if ((!a.bare && !b.bare) || strengthRank(direct) < strengthRank('typo')) return direct;
  const tries = [direct, compareForms(a.bare ?? a, b), compareForms(a, b.bare ?? b), compareForms(a.bare ?? a, b.bare ?? b)];
  return tries.sort((x, y) => strengthRank(x) - strengthRank(y))[0];
}

const RANKS = new Map(STRENGTH.map((agreement, rank) => [agreement, rank]));

/** Position in STRENGTH: lower is stronger. */
export function strengthRank(agreement: TokenAgreement): number {
  return RANKS.get(agreement) as number;
}

function compareForms(a: TokenForm, b: TokenForm): TokenAgreement {
  if (a.token === b.token) return 'exact';
  if (a.nameClass && b.nameClass) {
    if (a.nameClass.classId === b.nameClass.classId) return a.nameClass.isNickname || b.nameClass.isNickname ? 'nickname' : 'equivalent';
    // Two known names of different classes are different names, however alike they look
    // (Hassan and Hussein share a consonant skeleton; Olena and Oksana differ by a typo's distance).
    return 'none';
  }
  // The head of a compound (Abdul, Abd al-) meets another name only as its short or long form, or
  // as a spelling of it with a slip (Abdvl).
  if (isCompoundHead(a) !== isCompoundHead(b)) {
    if (isMistypedHead(isCompoundHead(a) ? b : a)) return 'typo';
    return isShortForm(a.token, b.token) || isShortForm(b.token, a.token) ? 'prefix' : 'none';
  }
  if (otherMarkedVowel(a, b)) return 'none';
  if (sameSkeleton(a, b)) return 'skeleton';
  // Two Arabic-script spellings one dot apart are one name misread, however short (ربيع / رتيع),
  // and so are two dots apart in a long word (موكريان / موكزيات).
  if (a.arabic !== undefined && b.arabic !== undefined && dotsMisread(a.arabic, b.arabic)) return 'typo';
  // A slip that sounds alike (Jasim / Jazim) is still one slip: sharing a sound code alone is
  // looser (Nonna / Nina).
  if (soundAlike(a, b)) return oneSlipApart(a.token, b.token) && !otherInitial(a, b) ? 'typo' : 'phonetic';
  const slips = typoSlips(a, b);
  if (slips === 1) return 'typo';
  if (slips === 2) return 'near';
  // A short form that begins the longer name is a Latin habit (Thom / Thomas); two Arabic-script
  // words that begin alike differ in the letters that make them two names (رأفت / رافع).
  if ((a.arabic === undefined || b.arabic === undefined) && (isShortForm(a.token, b.token) || isShortForm(b.token, a.token)))
    return 'prefix';
  return 'none';
}

/**
 * A shared Double Metaphone code of two letters or more, where a sound code says something: not
 * between two Vietnamese syllables (either name written with Vietnamese letters) whose vowels
 * differ (Trần / Trịnh), and not between two words written in Arabic script or two typed in
 * Cyrillic, which are compared on their letters: the code of their vowel-less transliterations
 * joins different names (عوض / أحدي both AT, علية / علوية), and so does the code of two Cyrillic
 * words' (Нонна / Нина; written-forms.ts). Nor between two Latin-typed names with other numbers of
 * a w before a vowel, which the code does not hear (Aleya / Alwiya; otherConsonantW), nor between
 * two Ge'ez-typed words of other first syllables, which the code reads as one vowel (ያለው / አያሌው).
 */
function soundAlike(a: TokenForm, b: TokenForm): boolean {
  if (!a.metaphone.some((code) => code.length >= 2 && b.metaphone.includes(code))) return false;
  if (otherConsonantW(a, b) || (a.typedInGeez && b.typedInGeez && otherInitial(a, b))) return false;
  if ((a.vietnamese === true || b.vietnamese === true) && otherSyllableVowel(a.token, b.token)) return false;
  return (a.arabic === undefined || b.arabic === undefined) && !bothTypedInCyrillic(a, b);
}

/**
 * One consonant skeleton, or one under a reading the skeleton cannot hold for every name: ق as g
 * (the guttural skeleton), and the other readings of the letters a token was written in (Cyrillic
 * г as h or g; Arabic ث ذ ض ظ as Persian, Turkish or Gulf spellings read them). Not between two
 * words typed in Cyrillic whose consonants as typed differ (Сушко / Сучак; written-forms.ts).
 */
function sameSkeleton(a: TokenForm, b: TokenForm): boolean {
  if (a.skeleton.length < 2 || b.skeleton.length < 2) return false;
  const same =
    a.skeleton === b.skeleton ||
    (a.guttural !== undefined && a.guttural === b.guttural) ||
    (a.readings?.includes(b.skeleton) ?? false) ||
    (b.readings?.includes(a.skeleton) ?? false);
  // Checked last: most token pairs share no skeleton, and this runs for every pair.
  return same && !(a.typedInLatin && b.typedInLatin && otherFirstConsonant(a, b)) && !otherCyrillicConsonants(a, b);
}

/** A short form that begins the longer name (Thom / Thomas, Eph / Ephraim, Sasha / Sashko): weak, but not nothing. */
function isShortForm(short: string, long: string): boolean {
  return short.length >= 3 && short.length < long.length && long.startsWith(short);
}

/** One letter added, dropped, changed or swapped, in names of four letters or more (see typoSlips). */
const oneSlipApart = (a: string, b: string): boolean => Math.min(a.length, b.length) >= 4 && boundedEditDistance(a, b, 1) <= 1;

/**
 * How many slips (a letter added, dropped, changed, or two swapped) read one name as the other:
 * 1 for one slip in names of four letters or more (in Latin letters, a letter changed only for one
 * a hand, eye or ear confuses with it), or two slips of the hand or eye in names both
 * typed in one script, read on the letters as typed (written-forms.ts, typing-slips.ts; in six
 * letters or more one may be a stray letter); 2 for two other slips in names of six or more, or what fuse.js's
 * fuzzy score still reads as one name mistyped; 0 for none of these. Names of three letters or
 * fewer are too short to tell a typo from another name, unless the shorter is a letter short of the
 * longer and no known name (Imam / Imm; known-names.ts).
 */
function typoSlips(first: TokenForm, second: TokenForm): 0 | 1 | 2 {
  const [a, b] = [first.token, second.token];
  // The letters as typed are read only for the few pairs two slips apart: most pairs end above.
  const twoSlips = (strayLetter: boolean) => {
    const typed = typedPair(first, second);
    return typed !== undefined && withinTwoTypingSlips(typed.a, typed.b, strayLetter, typed.letters);
  };
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return shortSyllableSlip(first, second) || droppedLetterLeavesNoName(first, second) ? 1 : 0;
  const distance = boundedEditDistance(a, b, shorter >= 6 ? 2 : 1);
  // One letter changed that no hand, eye or ear confuses is as far as two slips (written-forms.ts),
  // and so is a surname made from a given name with an s (Jaimes / Jaime; known-names.ts).
  if (distance <= 1) return otherInitial(first, second) ? 0 : unslippedLetter(first, second) || surnameFromGivenName(first, second) ? 2 : 1;
  // Two slips that a hand or an eye makes (a neighbouring key, a look-alike letter, a doubled or
  // swapped letter) weigh as one: they are how one person's records drift apart, not another name.
  if (shorter >= 6 && distance <= 2) return twoSlips(true) ? 1 : 2;
  // In four or five letters a stray letter beside a slip is often another name (Zaur / Zahir,
  // Agafia / Agata); two slips of the hand or eye are not (Odin / Odlh, Nugud / Nvguf).
  if (shorter < 6 && twoSlips(false)) return 1;
  if (Math.abs(a.length - b.length) > 2) return 0;
  // fuse.js looks for its pattern inside the text, so the order matters: the longer token is the
  // pattern (the earlier one when of equal length), so that either order of a pair gives one answer
  // and a short name found inside a longer one is not taken for a typo of it.
  const [pattern, text] = a.length > b.length || (a.length === b.length && a < b) ? [a, b] : [b, a];
  if (!fuseCanAccept(pattern, text)) return 0;
  const score = new Fuse([text], { includeScore: true, threshold: TYPO_SCORE }).search(pattern)[0]?.score;
  return score !== undefined && score <= TYPO_SCORE ? 2 : 0;
}

/**
 * A necessary condition for fuse.js to score `pattern` within TYPO_SCORE of `text`, cheap enough to
 * run on every token pair (building a Fuse and its search costed more than the rest of scoring).
 * Fuse's score is at least its error count over the pattern's length, and every letter of the
 * pattern that the text lacks (counting repeats) costs at least one error. Patterns longer than
 * fuse's 32-letter chunk are always handed to fuse.
 */
function fuseCanAccept(pattern: string, text: string): boolean {
  if (pattern.length > 32) return true;
  const budget = Math.floor(TYPO_SCORE * pattern.length);
  const available = new Map<string, number>();
  for (const letter of text) available.set(letter, (available.get(letter) ?? 0) + 1);
  let missing = 0;
  for (const letter of pattern) {
    const left = available.get(letter) ?? 0;
    if (left > 0) available.set(letter, left - 1);
    else if (++missing > budget) return false;
  }
  return true;
}
