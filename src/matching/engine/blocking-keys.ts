import { joinedForms } from './name-tokens.js';
import { normaliseName, type NormalisedToken } from './normalise-name.js';
import { consonantSkeleton } from './phonetic-keys.js';
import type { PersonForMatching } from './person-for-matching.js';
import { personTokens } from './person-names.js';

/**
 * Opaque blocking keys of a person: two records that may be the same human share at least one.
 * Strings only, so they can be stored as keyed hashes later without changing the lookup.
 * Prefixes keep the kinds apart: s skeleton, m metaphone, c name class, p pair of skeletons,
 * d skeleton + birth decade, x first four letters.
 */
export function blockingKeys(person: PersonForMatching): string[] {
  // A word written twice in one name gives its keys once: scoring counts it twice, blocking need not.
  const tokens = personTokens(person);
  const [own, paternal] = [distinctTokens(tokens.own), distinctTokens(tokens.paternal)];
  const keys = new Set<string>();
  const decades = birthDecades(person.birth);
  for (const token of [...own, ...paternal]) {
    if (token.skeleton.length >= 2) keys.add(`s:${token.skeleton}`);
    // The same name written without its glued article ("Alnagar" / النجار) must meet it too.
    if (token.bare && token.bare.skeleton.length >= 2) keys.add(`s:${token.bare.skeleton}`);
    for (const code of token.metaphone) if (code.length >= 2) keys.add(`m:${code}`);
    if (token.nameClass) keys.add(`c:${token.nameClass.classId}`);
    if (token.token.length >= 4) keys.add(`x:${token.token.slice(0, 4)}`);
  }
  for (const token of own) {
    for (const decade of decades) if (token.skeleton.length >= 2) keys.add(`d:${token.skeleton}:${decade}`);
  }
  for (const [a, b] of pairs([...own, ...paternal])) keys.add(`p:${[identity(a), identity(b)].sort().join('|')}`);
  // Two names written as one elsewhere ("Wolde Gebriel" / "Woldegebriel") meet on the joined skeleton.
  for (const name of person.names) {
    for (const joined of joinedForms(normaliseName(name.value).tokens.map((t) => t.token))) {
      const skeleton = consonantSkeleton(joined);
      if (skeleton.length >= 3) keys.add(`s:${skeleton}`);
    }
  }
  return [...keys].sort();
}

/**
 * How much sharing one key of this kind says that two records are one person, before the key's
 * rarity is counted (blocking does that, see candidate-blocking.ts). A pair of names or a name
 * with a birth decade is rarely shared by chance; a skeleton or a name class is one name; a
 * metaphone code or four first letters are shared by many unrelated names. Measured on the
 * development record sets and the 100k speed set (docs/decisions/0009-fewer-candidates-scored.md).
 */
export const BLOCKING_KEY_KIND_WEIGHTS: Readonly<Record<string, number>> = { p: 3, d: 2, s: 1, c: 1, m: 0.5, x: 0.5 };

/** The weight of one blocking key by its kind (its prefix); an unknown kind weighs as one name. */
export function blockingKeyWeight(key: string): number {
  return BLOCKING_KEY_KIND_WEIGHTS[key.slice(0, key.indexOf(':'))] ?? 1;
}

function distinctTokens(tokens: readonly NormalisedToken[]): NormalisedToken[] {
  return tokens.filter((token, index) => tokens.findIndex((other) => other.token === token.token) === index);
}

/** What a token is known by across spellings: its class when it has one, else its skeleton. */
function identity(token: NormalisedToken): string {
  return token.nameClass ? `c${token.nameClass.classId}` : `s${token.skeleton}`;
}

function* pairs<T>(items: readonly T[]): Generator<[T, T]> {
  for (let i = 0; i < items.length; i += 1) for (let j = i + 1; j < items.length; j += 1) yield [items[i], items[j]];
}

function birthDecades(birth: PersonForMatching['birth']): number[] {
  if (!birth) return [];
  const from = Math.floor(Number(birth.earliest.slice(0, 4)) / 10);
  const to = Math.floor(Number(birth.latest.slice(0, 4)) / 10);
  // A range wider than two decades says too little to block on.
  return to - from > 1 ? [] : Array.from({ length: to - from + 1 }, (_, i) => (from + i) * 10);
}
