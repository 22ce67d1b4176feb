import type { NormalisedToken } from './normalise-name.js';
import { consonantSkeleton } from './phonetic-keys.js';
import { compareTokens, strengthRank, type TokenAgreement } from './token-similarity.js';

export interface TokenMatch {
  a: string;
  b: string;
  agreement: TokenAgreement;
  /**
   * a second copy of a word written twice on both sides, met as its first copy was: the same
   * spelling difference met twice is one difference, so it weighs as an exact agreement
   */
  repeated?: true;
}

export interface ScoredTokenPair {
  ta: NormalisedToken;
  tb: NormalisedToken;
  /** positions of ta in a and tb in b: a word written twice ("Ahmed Ali Ahmed") is two tokens */
  ia: number;
  ib: number;
  agreement: TokenAgreement;
  rank: number;
}

const byToken = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Every agreeing pair of tokens, strongest first, ties by token so the order is deterministic. */
export function agreeingPairs(a: readonly NormalisedToken[], b: readonly NormalisedToken[]): ScoredTokenPair[] {
  const pairs: ScoredTokenPair[] = [];
  a.forEach((ta, ia) => {
    b.forEach((tb, ib) => {
      const agreement = compareTokens(ta, tb);
      if (agreement !== 'none') pairs.push({ ta, tb, ia, ib, agreement, rank: strengthRank(agreement) });
    });
  });
  // Positions break ties last: repeated words are alike, so which copy is taken changes nothing.
  return pairs.sort(
    (x, y) => x.rank - y.rank || byToken(x.ta.token, y.ta.token) || byToken(x.tb.token, y.tb.token) || x.ia - y.ia || x.ib - y.ib,
  );
}

/** Takes pairs in order, each token (by position) once, skipping tokens already used and pairs not accepted. */
export function pickGreedily(
  pairs: readonly ScoredTokenPair[],
  accept: (pair: ScoredTokenPair) => boolean,
  usedA = new Set<number>(),
  usedB = new Set<number>(),
): TokenMatch[] {
  const matches: TokenMatch[] = [];
  for (const pair of pairs) {
    const { ta, tb, ia, ib, agreement } = pair;
    if (usedA.has(ia) || usedB.has(ib) || !accept(pair)) continue;
    usedA.add(ia);
    usedB.add(ib);
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

interface Placed {
  token: NormalisedToken;
  at: number;
}

/**
 * Names written together on one side and apart on the other ("Woldegebriel" / "Wolde Gebriel",
 * "Mohamedali" / "Mohamed Ali"): a leftover token that reads as two leftover tokens of the other
 * side joined, in either order, pairs with both. `usedA` and `usedB` hold the positions already
 * matched; the positions the joins take are added to them. Returns the matches and how many tokens
 * each side gave up to them beyond one.
 */
export function joinLeftovers(
  a: readonly NormalisedToken[],
  b: readonly NormalisedToken[],
  usedA: Set<number>,
  usedB: Set<number>,
): { joins: TokenMatch[]; mergedA: number; mergedB: number } {
  const left = (tokens: readonly NormalisedToken[], used: Set<number>): Placed[] =>
    tokens.flatMap((token, at) => (used.has(at) ? [] : [{ token, at }]));
  const leftA = left(a, usedA);
  const leftB = left(b, usedB);
  const joins: TokenMatch[] = [];
  let mergedA = 0;
  let mergedB = 0;
  const pairUp = (whole: Placed[], parts: Placed[], wholeIsA: boolean) => {
    for (const placed of [...whole].sort((x, y) => byToken(x.token.token, y.token.token) || x.at - y.at)) {
      if (placed.token.token.length < 5) continue;
      const found = partsOf(placed.token, parts);
      if (!found) continue;
      parts.splice(parts.indexOf(found[0]), 1);
      parts.splice(parts.indexOf(found[1]), 1);
      whole.splice(whole.indexOf(placed), 1);
      const [usedWhole, usedParts] = wholeIsA ? [usedA, usedB] : [usedB, usedA];
      usedWhole.add(placed.at);
      usedParts.add(found[0].at).add(found[1].at);
      const joined = `${found[0].token.token}+${found[1].token.token}`;
      const token = placed.token.token;
      joins.push(wholeIsA ? { a: token, b: joined, agreement: 'joined' } : { a: joined, b: token, agreement: 'joined' });
      if (wholeIsA) mergedB += 1;
      else mergedA += 1;
    }
  };
  pairUp(leftA, leftB, true);
  pairUp(leftB, leftA, false);
  return { joins, mergedA, mergedB };
}

function partsOf(whole: NormalisedToken, parts: readonly Placed[]): [Placed, Placed] | undefined {
  for (const px of parts) {
    for (const py of parts) {
      if (px === py) continue;
      const [x, y] = [px.token, py.token];
      const glued = x.token + y.token;
      if (glued === whole.token) return [px, py];
      // This runs for every pair of leftovers of every candidate: the glued skeleton is computed
      // only when its ends can agree (skeletons are not simply concatenated: "ldj" folds to "lj").
      const ends = x.skeleton[0] === whole.skeleton[0] && y.skeleton.at(-1) === whole.skeleton.at(-1);
      if (ends && whole.skeleton.length >= 3 && consonantSkeleton(glued) === whole.skeleton) return [px, py];
    }
  }
  return undefined;
}
