import { compareBirthRanges, type BirthComparison } from './compare-birth-dates.js';
import { normaliseName, type NormalisedToken } from './normalise-name.js';
import type { EngineRole, PersonForMatching } from './person-for-matching.js';
import { personTokens } from './person-names.js';
import { MODEL_WEIGHTS } from './data/model-weights.js';
import { consonantSkeleton } from './phonetic-keys.js';
import { compareTokens, STRENGTH, type TokenAgreement } from './token-similarity.js';

export type Band = 'high' | 'medium' | 'low';

export interface TokenMatch {
  a: string;
  b: string;
  agreement: TokenAgreement;
}

export interface Evidence {
  field: 'names' | 'paternal_names' | 'mother_name' | 'birth_date' | 'sex' | 'place_of_birth' | 'reciprocity';
  outcome: string;
  weight: number;
  matches?: TokenMatch[];
  /** own tokens of the shorter name that found no partner (name fields only) */
  unmatched?: number;
  /** own tokens the longer name has beyond the shorter one's length (name fields only) */
  extra?: number;
  birth?: BirthComparison;
}

export interface PairScore {
  score: number;
  band: Band;
  roles: `${EngineRole}:${EngineRole}`;
  evidence: Evidence[];
}

const tokenWeight = (agreement: TokenAgreement): number => (agreement === 'none' ? 0 : MODEL_WEIGHTS.token[agreement]);

/** Pairs tokens greedily, strongest kinds of agreement first; each token is used once. Order-independent. */
export function alignTokens(
  a: readonly NormalisedToken[],
  b: readonly NormalisedToken[],
  accept: (agreement: TokenAgreement) => boolean = () => true,
): TokenMatch[] {
  const candidates = a.flatMap((ta) => b.map((tb) => ({ ta, tb, agreement: compareTokens(ta, tb) }))).filter((c) => accept(c.agreement));
  candidates.sort(
    (x, y) =>
      STRENGTH.indexOf(x.agreement) - STRENGTH.indexOf(y.agreement) ||
      x.ta.token.localeCompare(y.ta.token) ||
      x.tb.token.localeCompare(y.tb.token),
  );
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  const matches: TokenMatch[] = [];
  for (const { ta, tb, agreement } of candidates) {
    if (agreement === 'none' || usedA.has(ta.token) || usedB.has(tb.token)) continue;
    usedA.add(ta.token);
    usedB.add(tb.token);
    matches.push({ a: ta.token, b: tb.token, agreement });
  }
  return matches;
}

/** Agreements that yield to a joined reading of the same tokens. */
const WEAK: ReadonlySet<TokenAgreement> = new Set(['typo', 'near', 'prefix']);

/**
 * Names written together on one side and apart on the other ("Woldegebriel" / "Wolde Gebriel",
 * "Mohamedali" / "Mohamed Ali"): a leftover token that reads as two leftover tokens of the other
 * side joined, in either order, pairs with both. Returns the matches and how many tokens each side
 * gave up to them beyond one.
 */
function joinLeftovers(
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
    for (const token of [...whole].sort((x, y) => x.token.localeCompare(y.token))) {
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

function nameEvidence(field: Evidence['field'], a: NormalisedToken[], b: NormalisedToken[], own: boolean): Evidence {
  if (a.length === 0 || b.length === 0) return { field, outcome: 'unknown', weight: 0 };
  // Strong agreements first, then joined names, then typos and short forms among what is left:
  // "Mohamedali" is "Mohamed" + "Ali", not a longer form of "Mohamed".
  const strong = alignTokens(a, b, (agreement) => !WEAK.has(agreement));
  const { joins, mergedA, mergedB } = joinLeftovers(a, b, strong);
  const taken = [...strong, ...joins];
  const isFree = (side: 'a' | 'b') => (t: NormalisedToken) => !taken.some((m) => m[side].split('+').includes(t.token));
  const weak = alignTokens(a.filter(isFree('a')), b.filter(isFree('b')));
  const matches = [...taken, ...weak];
  // A joined pair of tokens is one name: count each side as it would be written as the other is.
  const lengthA = a.length - mergedA;
  const lengthB = b.length - mergedB;
  const unmatched = Math.min(lengthA, lengthB) - matches.length;
  const extra = Math.abs(lengthA - lengthB);
  const weight = own
    ? matches.reduce((sum, m) => sum + tokenWeight(m.agreement), 0) +
      unmatched * MODEL_WEIGHTS.unmatchedOwnToken +
      extra * MODEL_WEIGHTS.extraOwnToken
    : matches.reduce((sum, m) => sum + MODEL_WEIGHTS.parentTokenFactor * (tokenWeight(m.agreement) - MODEL_WEIGHTS.unmatchedOwnToken), 0);
  const outcome = matches.length === 0 ? 'disagree' : unmatched === 0 ? 'agree' : 'partial';
  return { field, outcome, weight, matches, unmatched, extra };
}

function birthEvidence(a: PersonForMatching, b: PersonForMatching): Evidence {
  const birth = compareBirthRanges(a.birth, b.birth);
  if (birth.agreement === 'unknown') return { field: 'birth_date', outcome: 'unknown', weight: 0, birth };
  const width = birth.widestDays ?? Infinity;
  // Overlapping ranges agree as sharply as the vaguer of the two dates allows.
  const outcome =
    birth.agreement === 'overlap' ? (width <= 31 ? 'overlap_month' : width <= 366 ? 'overlap_year' : 'overlap_wide') : birth.agreement;
  return { field: 'birth_date', outcome, weight: MODEL_WEIGHTS.birth[outcome], birth };
}

function sexEvidence(a: PersonForMatching, b: PersonForMatching): Evidence {
  const known = (sex: string) => sex === 'female' || sex === 'male';
  if (!known(a.sex) || !known(b.sex)) return { field: 'sex', outcome: 'unknown', weight: 0 };
  const outcome = a.sex === b.sex ? 'agree' : 'disagree';
  return { field: 'sex', outcome, weight: MODEL_WEIGHTS.sex[outcome] };
}

function placeEvidence(a: PersonForMatching, b: PersonForMatching): Evidence {
  const field = 'place_of_birth';
  const ta = placeTokens(a.placeOfBirth?.text);
  const tb = placeTokens(b.placeOfBirth?.text);
  if (ta.length > 0 && tb.length > 0) {
    // The same normalisation and transliteration as names: حلب meets Aleppo only through an
    // equivalence, but Kharkiv meets Харків and Kassala meets كسلا.
    const matches = alignTokens(ta, tb);
    if (matches.length > 0) return { field, outcome: 'agree', weight: MODEL_WEIGHTS.place.agree, matches };
  }
  const ca = a.placeOfBirth?.country;
  const cb = b.placeOfBirth?.country;
  if (ca && cb) {
    const outcome = ca === cb ? 'same_country' : 'other_country';
    return { field, outcome, weight: MODEL_WEIGHTS.place[outcome] };
  }
  // Places are recorded at every grain (a village, a district, a city): two names that do not meet
  // may still be one place, so they weigh little against.
  if (ta.length > 0 && tb.length > 0) return { field, outcome: 'other_place', weight: MODEL_WEIGHTS.place.other_place };
  return { field, outcome: 'unknown', weight: 0 };
}

function placeTokens(text: string | null | undefined): NormalisedToken[] {
  return text ? normaliseName(text).tokens : [];
}

/**
 * The people on the other side of each record's request: for a sought person, the enquirer looking
 * for them; for an enquirer, the people they look for. Reciprocity is when the other sides meet too
 * (A seeks B while B seeks A): the strongest signal there is.
 */
export interface PairContext {
  aCounterparts: readonly PersonForMatching[];
  bCounterparts: readonly PersonForMatching[];
}

/**
 * Counterparts meet when their names agree on at least two tokens with none in conflict: one shared
 * given name is common, a whole name rarely is.
 */
const RECIPROCAL_MIN_TOKENS = 2;

function reciprocityEvidence(context: PairContext | undefined): Evidence {
  if (!context || context.aCounterparts.length === 0 || context.bCounterparts.length === 0) {
    return { field: 'reciprocity', outcome: 'unknown', weight: 0 };
  }
  let best: Evidence | undefined;
  for (const x of context.aCounterparts) {
    for (const y of context.bCounterparts) {
      const names = nameEvidence('reciprocity', personTokens(x).own, personTokens(y).own, true);
      const meets = names.unmatched === 0 && (names.matches?.length ?? 0) >= RECIPROCAL_MIN_TOKENS;
      if (meets && (!best || names.weight > best.weight)) best = names;
    }
  }
  // No reciprocal search is not evidence against: most real pairs have none.
  return best
    ? { field: 'reciprocity', outcome: 'agree', weight: MODEL_WEIGHTS.reciprocity, matches: best.matches }
    : { field: 'reciprocity', outcome: 'none', weight: 0 };
}

/** The score's band: what a reviewer's queue sorts by. */
export function bandOf(score: number): Band {
  return score >= 0.9 ? 'high' : score >= 0.6 ? 'medium' : 'low';
}

/**
 * Compares two person records: a sum of log-likelihood weights per field on top of a prior, turned
 * into a probability. Each field that either side leaves empty weighs nothing, for or against.
 * Symmetric and deterministic; every weight is in the explanation.
 */
export function scorePair(first: PersonForMatching, second: PersonForMatching, context?: PairContext): PairScore {
  // One canonical order (by id) makes the result independent of which side asked.
  const swap = first.id > second.id;
  const [a, b] = swap ? [second, first] : [first, second];
  const ordered = context && swap ? { aCounterparts: context.bCounterparts, bCounterparts: context.aCounterparts } : context;
  const ta = personTokens(a);
  const tb = personTokens(b);
  const evidence = [
    nameEvidence('names', ta.own, tb.own, true),
    nameEvidence('paternal_names', ta.paternal, tb.paternal, false),
    nameEvidence('mother_name', ta.mother, tb.mother, false),
    birthEvidence(a, b),
    sexEvidence(a, b),
    placeEvidence(a, b),
    reciprocityEvidence(ordered),
  ];
  const logOdds = MODEL_WEIGHTS.prior + evidence.reduce((sum, e) => sum + e.weight, 0);
  const score = 1 / (1 + Math.exp(-logOdds));
  const roles = [a.role, b.role].sort().join(':') as PairScore['roles'];
  return { score, band: bandOf(score), roles, evidence };
}
