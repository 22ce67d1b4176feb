import { KNOWN_GIVEN_NAMES_TEXT } from './data/known-given-names.js';
import type { TokenForm } from './normalise-name.js';
import { couldBeOneSyllable } from './syllables.js';

/**
 * Which spellings are names of their own (data/known-given-names.ts: given names that hundreds of
 * people were given). A slip of the hand or eye mostly makes a spelling that is no name (Imam /
 * Imm, Wold / Wod), while another person's name one letter away is a name (Lina / Lia, Nina / Nia,
 * Ivan / Ian). The list is one country's, so a spelling outside it may still be a name elsewhere:
 * the rules below read it only where the letters alone leave two readings.
 */
const KNOWN_GIVEN_NAMES: ReadonlySet<string> = new Set(KNOWN_GIVEN_NAMES_TEXT.split(' '));

export const isKnownGivenName = (token: string): boolean => KNOWN_GIVEN_NAMES.has(token);

/** The shorter and the longer of two tokens. */
const byLength = (a: string, b: string): [string, string] => (a.length <= b.length ? [a, b] : [b, a]);

/**
 * Whether a word of three or four letters typed in Latin letters lost one letter after its first
 * and left a spelling that is no known name: Imam / Imm, Wold / Wod, Nur / Nu, Fay / Fa. Too short
 * for the edit distance to tell a slip from another name (decision 0030), the list tells it: Lia,
 * Ian, Ola and Ela are names, Imm and Wod are not. Not where both could be one syllable of
 * Vietnamese or Mandarin (Ngo / No, Luo / Lu, Dao / Do): there one syllable a letter short of
 * another is mostly another name, and the list, of given names in one country, knows few of them.
 */
export function droppedLetterLeavesNoName(a: TokenForm, b: TokenForm): boolean {
  if (!a.typedInLatin || !b.typedInLatin) return false;
  const [shorter, longer] = byLength(a.token, b.token);
  if (longer.length > 4 || shorter.length !== longer.length - 1 || shorter.length < 2) return false;
  if (isKnownGivenName(shorter) || (couldBeOneSyllable(shorter) && couldBeOneSyllable(longer))) return false;
  for (let at = 1; at < longer.length; at += 1) if (longer.slice(0, at) + longer.slice(at + 1) === shorter) return true;
  return false;
}

/**
 * Whether one token is a known given name and the other the same with an s after it that is not
 * a given name itself: a surname made from the given name (Jaimes from Jaime, Peters, Williams,
 * Davids), as English, Dutch, Welsh and Spanish form them, not the given name with a stray letter.
 * Charles, James and Agnes are given names of their own and are not read so.
 */
export function surnameFromGivenName(a: TokenForm, b: TokenForm): boolean {
  if (!a.typedInLatin || !b.typedInLatin) return false;
  const [shorter, longer] = byLength(a.token, b.token);
  return longer === `${shorter}s` && isKnownGivenName(shorter) && !isKnownGivenName(longer);
}
