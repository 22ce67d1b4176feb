import Fuse from 'fuse.js';
import type { NormalisedToken } from './normalise-name.js';

export type TokenAgreement = 'exact' | 'equivalent' | 'skeleton' | 'phonetic' | 'nickname' | 'typo' | 'none';

/** fuse.js score at or below which two tokens are taken as one name with a typo (0 = identical). */
const TYPO_SCORE = 0.3;

/** How two tokens agree, strongest first. */
export function compareTokens(a: NormalisedToken, b: NormalisedToken): TokenAgreement {
  if (a.token === b.token) return 'exact';
  if (a.nameClass && b.nameClass) {
    if (a.nameClass.classId === b.nameClass.classId) return a.nameClass.isNickname || b.nameClass.isNickname ? 'nickname' : 'equivalent';
    // Two known names of different classes are different names, however alike they look
    // (Hassan and Hussein share a consonant skeleton; Olena and Oksana differ by a typo's distance).
    return 'none';
  }
  if (a.skeleton.length >= 2 && a.skeleton === b.skeleton) return 'skeleton';
  if (a.metaphone.some((code) => code.length >= 2 && b.metaphone.includes(code))) return 'phonetic';
  if (Math.min(a.token.length, b.token.length) >= 4 && isTypo(a.token, b.token)) return 'typo';
  return 'none';
}

function isTypo(a: string, b: string): boolean {
  const [score] = [new Fuse([b], { includeScore: true, threshold: TYPO_SCORE }).search(a)[0]?.score];
  return score !== undefined && score <= TYPO_SCORE;
}
