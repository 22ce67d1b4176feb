import { readsAs } from './edit-distance.js';
import { LATIN_SLIPS, type SlipLetters } from './keyboards.js';

/**
 * How an officer's hand or eye changes a name: a neighbouring key struck, a letter read as one
 * that looks like it, a letter doubled or not, two letters swapped. Two such slips in one long name
 * are a record-keeping accident far more often than another name; two names of one family mostly
 * differ in letters no hand or eye confuses (Denisova / Danilova, Cedomir / Radomir, Polina / Galina).
 * Which letters are confusable depends on the script the name was typed in (keyboards.ts).
 */

/** Whether writing `y` for `x` is a slip of the hand, the eye or the ear (see keyboards.ts). */
export function isConfusable(x: string, y: string, letters: SlipLetters = LATIN_SLIPS): boolean {
  return letters.confusable.has(x + y);
}

/**
 * Whether two words begin alike: with one letter, or with two letters of one sound under two
 * spellings (keyboards.ts: Cyrillic Є / Е, Latin Y / J for one transliterated sound).
 */
export function sameFirstLetter(a: string, b: string, letters: SlipLetters = LATIN_SLIPS): boolean {
  return a.length > 0 && b.length > 0 && (a[0] === b[0] || (letters.twinsOf.get(a[0])?.includes(b[0]) ?? false));
}

/**
 * Costs: a slip of the kinds above costs 1, a letter dropped or added for no visible reason 1.5, a
 * vowel heard as another as much (keyboards.ts, `vowels`), any other letter changed 2.
 */
const SLIP = 1;
const STRAY = 1.5;
const VOWEL_BY_EAR = STRAY;
const CHANGE = 2;

/**
 * The cheapest way to read `a` as `b` under the costs above: confusable letters, a doubled or
 * silent letter written or not, and two neighbouring letters swapped cost one slip; another letter
 * dropped or added 1.5; another letter changed 2. Infinity when the first letters differ: a name's
 * first letter is the one writers get right (the reason Soundex keeps it), unless the two spell one
 * sound (sameFirstLetter).
 */
export function typingSlipCost(a: string, b: string, letters: SlipLetters = LATIN_SLIPS): number {
  if (!sameFirstLetter(a, b, letters)) return Infinity;
  const dropped = (word: string, at: number) =>
    word[at] === word[at - 1] || word[at] === word[at + 1] || letters.silent.includes(word[at]) ? SLIP : STRAY;
  // d[i][j]: cost of reading a's first i letters as b's first j letters.
  const d: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(Infinity));
  d[0][0] = 0;
  for (let i = 0; i <= a.length; i += 1) {
    for (let j = 0; j <= b.length; j += 1) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      // A letter of a left out of b: a slip when it doubles a neighbour of it in a, or is silent.
      if (i > 0) best = Math.min(best, d[i - 1][j] + dropped(a, i - 1));
      if (j > 0) best = Math.min(best, d[i][j - 1] + dropped(b, j - 1));
      if (i > 0 && j > 0) {
        const [x, y] = [a[i - 1], b[j - 1]];
        best = Math.min(best, d[i - 1][j - 1] + (x === y ? 0 : isConfusable(x, y, letters) ? SLIP : changeCost(x, y, letters)));
      }
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2][j - 2] + SLIP);
      // Two letters read as one that looks like them (rn / m, li / h), either way.
      if (i > 1 && j > 0 && readsAs(a[i - 2], a[i - 1], b[j - 1])) best = Math.min(best, d[i - 2][j - 1] + SLIP);
      if (i > 0 && j > 1 && readsAs(b[j - 2], b[j - 1], a[i - 1])) best = Math.min(best, d[i - 1][j - 2] + SLIP);
      d[i][j] = best;
    }
  }
  return d[a.length][b.length];
}

/** What a letter changed that is no slip costs: a vowel for a vowel less than another letter (see the costs). */
function changeCost(x: string, y: string, letters: SlipLetters): number {
  return letters.vowels.includes(x) && letters.vowels.includes(y) ? VOWEL_BY_EAR : CHANGE;
}

/**
 * Whether two tokens are at most two slips of the hand or eye apart. With `strayLetter`, one of
 * them may be a letter dropped or added for no visible reason (a cost of 2.5); never two such
 * letters, nor any other changed letter.
 */
export function withinTwoTypingSlips(a: string, b: string, strayLetter: boolean, letters: SlipLetters = LATIN_SLIPS): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  return typingSlipCost(a, b, letters) <= 2 * SLIP + (strayLetter ? STRAY - SLIP : 0);
}
