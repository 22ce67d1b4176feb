import type { NormalisedToken } from './normalise-name.js';
import { consonantSkeleton } from './phonetic-keys.js';
import { compareTokens, strengthRank, type TokenAgreement } from './token-similarity.js';

export interface TokenMatch {
  a: string;
  b: string;
  agreement: TokenAgreement;
}

export interface ScoredTokenPair {
  ta: NormalisedToken;
  tb: NormalisedToken;
  agreement: TokenAgreement;
  rank: number;
}

const byToken = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Every agreeing pair of tokens, strongest first, ties by token so the order is deterministic. */
export function agreeingPairs(a: readonly NormalisedToken[], b: readonly NormalisedToken[]): ScoredTokenPair[] {
  const pairs: ScoredTokenPair[] = [];
  for (const ta of a) {
    for (const tb of b) {
      const agreement = compareTokens(ta, tb);
      if (agreement !== 'none') pairs.push({ ta, tb, agreement, rank: strengthRank(agreement) });
    }
  }
  return pairs.sort((x, y) => x.rank - y.rank || byToken(x.ta.token, y.ta.token) || byToken(x.tb.token, y.tb.token));
}

/** Takes pairs in order, each token once, skipping tokens already used and pairs not accepted. */
export function pickGreedily(
  pairs: readonly ScoredTokenPair[],
  accept: (pair: ScoredTokenPair) => boolean,
  usedA = new Set<string>(),
  usedB = new Set<string>(),
): TokenMatch[] {
  const matches: TokenMatch[] = [];
  for (const pair of pairs) {
    const { ta, tb, agreement } = pair;
    if (usedA.has(ta.token) || usedB.has(tb.token) || !accept(pair)) continue;
    usedA.add(ta.token);
    usedB.add(tb.token);
    matches.push({ a: ta.token, b: tb.token, agreement });
  }
  return matches;
}

/** Pairs tokens greedily, strongest kinds of agreement first; each token is used once. Order-independent. */
export function alignTokens(
  a: readonly NormalisedToken[],
  b: readonly NormalisedToken[],
  accept: (agreement: TokenAgreement) => boolean = () => true,
): TokenMatch[] {
  return pickGreedily(agreeingPairs(a, b), (pair) => accept(pair.agreement));
}

/** Agreements that yield to a joined reading of the same tokens. */
export const WEAK: ReadonlySet<TokenAgreement> = new Set(['typo', 'near', 'prefix']);

/**
 * Names written together on one side and apart on the other ("Woldegebriel" / "Wolde Gebriel",
 * "Mohamedali" / "Mohamed Ali"): a leftover token that reads as two leftover tokens of the other
 * side joined, in either order, pairs with both. Returns the matches and how many tokens each side
 * gave up to them beyond one.
 */
export function joinLeftovers(
  a: readonly NormalisedToken[],
  b: readonly NormalisedToken[],
  matched: readonly TokenMatch[],
): { joins: TokenMatch[]; mergedA: number; mergedB: number } {
  const leftA = a.filter((t) => !matched.some((m) => m.a === t.token));
  const leftB = b.filter((t) => !matched.some((m) => m.b === t.token));
  const joins: TokenMatch[] = [];
  let mergedA = 0;
  let mergedB = 0;
  const pairUp = (whole: NormalisedToken[], parts: NormalisedToken[], wholeIsA: boolean) => {
    for (const token of [...whole].sort((x, y) => byToken(x.token, y.token))) {
      if (token.token.length < 5) continue;
      const found = partsOf(token, parts);
      if (!found) continue;
      parts.splice(parts.indexOf(found[0]), 1);
      parts.splice(parts.indexOf(found[1]), 1);
      whole.splice(whole.indexOf(token), 1);
      const joined = `${found[0].token}+${found[1].token}`;
      joins.push(wholeIsA ? { a: token.token, b: joined, agreement: 'joined' } : { a: joined, b: token.token, agreement: 'joined' });
      if (wholeIsA) mergedB += 1;
      else mergedA += 1;
    }
  };
  pairUp(leftA, leftB, true);
  pairUp(leftB, leftA, false);
  return { joins, mergedA, mergedB };
}

function partsOf(whole: NormalisedToken, parts: readonly NormalisedToken[]): [NormalisedToken, NormalisedToken] | undefined {
  for (const x of parts) {
    for (const y of parts) {
      if (x === y) continue;
      const glued = x.token + y.token;
      if (glued === whole.token) return [x, y];
      // This runs for every pair of leftovers of every candidate: the glued skeleton is computed
      // only when its ends can agree (skeletons are not simply concatenated: "ldj" folds to "lj").
      const ends = x.skeleton[0] === whole.skeleton[0] && y.skeleton.at(-1) === whole.skeleton.at(-1);
      if (ends && whole.skeleton.length >= 3 && consonantSkeleton(glued) === whole.skeleton) return [x, y];
    }
  }
  return undefined;
}
