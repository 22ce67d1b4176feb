import { agreeingPairs, alignTokens, joinLeftovers, pickGreedily, WEAK, type TokenMatch } from './align-tokens.js';
import { compareBirthRanges, type BirthComparison } from './compare-birth-dates.js';
import { MODEL_WEIGHTS } from './data/model-weights.js';
import { givenNameLeftOut, leftOutNames } from './left-out-names.js';
import type { NormalisedToken } from './normalise-name.js';
import type { EngineRole, PersonForMatching } from './person-for-matching.js';
import { preparePerson, type PreparedPerson } from './prepared-person.js';
import type { TokenAgreement } from './token-similarity.js';

export { alignTokens, type TokenMatch } from './align-tokens.js';
export { preparePerson, type PreparedPerson } from './prepared-person.js';

export type Band = 'high' | 'medium' | 'low';

export interface Evidence {
  field: 'names' | 'paternal_names' | 'mother_name' | 'birth_date' | 'sex' | 'place_of_birth' | 'reciprocity';
  outcome: string;
  weight: number;
  matches?: TokenMatch[];
  /** own tokens of the shorter name that found no partner (name fields only) */
  unmatched?: number;
  /**
   * own tokens the longer name has beyond the shorter one's length (name fields only); when every
   * token of the shorter found a partner, words left out side by side count as one name, and a
   * first word left out before the shorter name's first word counts twice (givenNameLeftOut)
   */
  extra?: number;
  birth?: BirthComparison;
}

export interface PairScore {
  score: number;
  band: Band;
  roles: `${EngineRole}:${EngineRole}`;
  evidence: Evidence[];
}

const agreementWeight = (agreement: TokenAgreement): number => (agreement === 'none' ? 0 : MODEL_WEIGHTS.token[agreement]);
const tokenWeight = (match: TokenMatch): number => agreementWeight(match.repeated ? 'exact' : match.agreement);

/**
 * Marks a match that repeats an earlier one word for word (Seyon Seyon / ጽዮን ጽዮን): one spelling
 * of a repeated word is one choice of the writer, not a second slip or a second variant.
 */
function markRepeats(matches: TokenMatch[]): TokenMatch[] {
  const seen = new Set<string>();
  return matches.map((match) => {
    const key = `${match.a}\u0000${match.b}`;
    if (!seen.has(key)) return (seen.add(key), match);
    return match.agreement === 'exact' ? match : { ...match, repeated: true };
  });
}

function nameEvidence(field: Evidence['field'], a: NormalisedToken[], b: NormalisedToken[], own: boolean): Evidence {
  if (a.length === 0 || b.length === 0) return { field, outcome: 'unknown', weight: 0 };
  // Strong agreements first, then joined names, then typos and short forms among what is left:
  // "Mohamedali" is "Mohamed" + "Ali", not a longer form of "Mohamed". Token pairs are compared once.
  const pairs = agreeingPairs(a, b);
  const [usedA, usedB] = [new Set<number>(), new Set<number>()];
  const strong = pickGreedily(pairs, (pair) => !WEAK.has(pair.agreement), usedA, usedB);
  const { joins, mergedA, mergedB } = joinLeftovers(a, b, usedA, usedB);
  const weak = pickGreedily(pairs, () => true, usedA, usedB);
  const matches = markRepeats([...strong, ...joins, ...weak]);
  // A joined pair of tokens is one name: count each side as it would be written as the other is.
  const lengthA = a.length - mergedA;
  const lengthB = b.length - mergedB;
  const unmatched = Math.min(lengthA, lengthB) - matches.length;
  const aLonger = lengthA > lengthB;
  const extra =
    unmatched === 0
      ? leftOutNames(aLonger ? a.length : b.length, aLonger ? usedA : usedB) +
        (givenNameLeftOut(aLonger ? a : b, aLonger ? b : a, aLonger ? usedA : usedB, matches, aLonger) ? 1 : 0)
      : Math.abs(lengthA - lengthB);
  const weight = own
    ? matches.reduce((sum, m) => sum + tokenWeight(m), 0) +
      unmatched * MODEL_WEIGHTS.unmatchedOwnToken +
      extra * MODEL_WEIGHTS.extraOwnToken
    : matches.reduce((sum, m) => sum + MODEL_WEIGHTS.parentTokenFactor * (tokenWeight(m) - MODEL_WEIGHTS.unmatchedOwnToken), 0);
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

function placeEvidence({ person: a, placeTokens: ta }: PreparedPerson, { person: b, placeTokens: tb }: PreparedPerson): Evidence {
  const field = 'place_of_birth';
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
 * The same for people prepared once, read only when needed: a job's candidates each have
 * counterparts, and preparing them all cost more than scoring the candidates.
 */
export interface PreparedPairContext {
  aCounterparts: () => readonly PreparedPerson[];
  bCounterparts: () => readonly PreparedPerson[];
  /**
   * A score (the storage floor) under which a pair is of no use: reciprocity is not looked at when
   * even its weight would leave the pair under it, and the evidence says so ('not_needed').
   */
  reciprocityFloor?: number;
}

/**
 * Counterparts meet when their names agree on at least two tokens with none in conflict: one shared
 * given name is common, a whole name rarely is.
 */
const RECIPROCAL_MIN_TOKENS = 2;

const reachesWithReciprocity = (logOddsWithout: number, floor: number): boolean =>
  probability(logOddsWithout + MODEL_WEIGHTS.reciprocity) >= floor;

function reciprocityEvidence(context: PreparedPairContext | undefined, logOddsWithout: number): Evidence {
  if (!context) return { field: 'reciprocity', outcome: 'unknown', weight: 0 };
  if (context.reciprocityFloor !== undefined && !reachesWithReciprocity(logOddsWithout, context.reciprocityFloor)) {
    return { field: 'reciprocity', outcome: 'not_needed', weight: 0 };
  }
  const [aCounterparts, bCounterparts] = [context.aCounterparts(), context.bCounterparts()];
  if (aCounterparts.length === 0 || bCounterparts.length === 0) return { field: 'reciprocity', outcome: 'unknown', weight: 0 };
  let best: Evidence | undefined;
  for (const x of aCounterparts) {
    for (const y of bCounterparts) {
      const names = nameEvidence('reciprocity', x.tokens.own, y.tokens.own, true);
      const meets = names.unmatched === 0 && (names.matches?.length ?? 0) >= RECIPROCAL_MIN_TOKENS;
      if (meets && (!best || names.weight > best.weight)) best = names;
    }
  }
  // No reciprocal search is not evidence against: most real pairs have none.
  return best
    ? { field: 'reciprocity', outcome: 'agree', weight: MODEL_WEIGHTS.reciprocity, matches: best.matches }
    : { field: 'reciprocity', outcome: 'none', weight: 0 };
}

const probability = (logOdds: number): number => 1 / (1 + Math.exp(-logOdds));

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
  const prepared = context && {
    aCounterparts: () => context.aCounterparts.map(preparePerson),
    bCounterparts: () => context.bCounterparts.map(preparePerson),
  };
  return scorePrepared(preparePerson(first), preparePerson(second), prepared);
}

/** scorePair for people prepared once: a record scored against hundreds of candidates is normalised once. */
export function scorePrepared(first: PreparedPerson, second: PreparedPerson, context?: PreparedPairContext): PairScore {
  return completeScore(scoreFields(first, second), context);
}

/**
 * A pair scored on every field but reciprocity: the first step of scorePrepared. A match job scores
 * every candidate this far, then reads the counterparts of only those where `reciprocityCanReach`.
 */
export interface FieldScore {
  readonly a: PreparedPerson;
  readonly b: PreparedPerson;
  /** whether a and b are second and first (one canonical order, by id) */
  readonly swapped: boolean;
  readonly evidence: readonly Evidence[];
  readonly logOddsWithout: number;
}

export function scoreFields(first: PreparedPerson, second: PreparedPerson): FieldScore {
  // One canonical order (by id) makes the result independent of which side asked.
  const swapped = first.person.id > second.person.id;
  const [a, b] = swapped ? [second, first] : [first, second];
  const evidence = [
    nameEvidence('names', a.tokens.own, b.tokens.own, true),
    nameEvidence('paternal_names', a.tokens.paternal, b.tokens.paternal, false),
    nameEvidence('mother_name', a.tokens.mother, b.tokens.mother, false),
    birthEvidence(a.person, b.person),
    sexEvidence(a.person, b.person),
    placeEvidence(a, b),
  ];
  return { a, b, swapped, evidence, logOddsWithout: MODEL_WEIGHTS.prior + evidence.reduce((sum, e) => sum + e.weight, 0) };
}

/** Whether reciprocity's weight could lift the pair to `floor`: only then are counterparts worth reading. */
export function reciprocityCanReach(fields: FieldScore, floor: number): boolean {
  return reachesWithReciprocity(fields.logOddsWithout, floor);
}

/** The second step: reciprocity (the context's sides as the caller passed them to scoreFields), score and band. */
export function completeScore(fields: FieldScore, context?: PreparedPairContext): PairScore {
  const { a, b, swapped, logOddsWithout } = fields;
  const ordered = context && swapped ? { ...context, aCounterparts: context.bCounterparts, bCounterparts: context.aCounterparts } : context;
  const reciprocity = reciprocityEvidence(ordered, logOddsWithout);
  const evidence = [...fields.evidence, reciprocity];
  const score = probability(logOddsWithout + reciprocity.weight);
  const roles = [a.person.role, b.person.role].sort().join(':') as PairScore['roles'];
  return { score, band: bandOf(score), roles, evidence };
}
