import type { Prng } from './prng.js';

export type Script = 'Arab' | 'Cyrl' | 'Grek' | 'Ethi' | 'Latn';
export type Sex = 'M' | 'F';
export type Role = 'given' | 'middle' | 'father' | 'grandfather' | 'patronymic' | 'family';

/** One name (a given name, a father's name, a family name...) as its source spells it natively and in Latin letters. */
export interface NamePart {
  native: string;
  /** Latin spellings from sources or romanisation standards; index i is the same standard for every part of a pool. */
  latin: readonly string[];
  /** How common the name is, for drawing frequent names more often (relative, any scale). */
  weight: number;
}

/** The names of one language community and how its full names are built. */
export interface NamePool {
  id: string;
  script: Script;
  /** ISO 3166 codes of the countries its people are born in, for the place of birth. */
  countries: readonly string[];
  given: Record<Sex, NamePart[]>;
  /** Male names used as father's and grandfather's names (name chains); empty when the culture has none. */
  fathers: NamePart[];
  patronymic?: Record<Sex, NamePart[]>;
  family: Record<Sex, NamePart[]>;
  /** How a full name is laid out in this community's own records. */
  layout: 'given-family' | 'given-patronymic-family' | 'given-father-chain' | 'family-middle-given';
}

export interface Person {
  pool: NamePool;
  sex: Sex;
  /** Name parts in the community's own order. */
  parts: NamePart[];
  roles: Role[];
}

export function nativeName(person: Person): string {
  return person.parts.map((part) => part.native).join(' ');
}

/** The name in Latin letters with one romanisation (index into every part's `latin`, clamped). */
export function latinName(person: Person, scheme: number): string {
  return person.parts.map((part) => part.latin[Math.min(scheme, part.latin.length - 1)]).join(' ');
}

export function latinSchemeCount(person: Person): number {
  return Math.max(...person.parts.map((part) => part.latin.length));
}

/** Draws a person from a pool, frequent names more often. */
export function drawPerson(pool: NamePool, prng: Prng): Person {
  const sex: Sex = pool.given.F.length > 0 && prng.chance(0.45) ? 'F' : 'M';
  const draw = (list: NamePart[]) => prng.pickWeighted(list, (part) => part.weight);
  const parts: NamePart[] = [];
  const roles: Role[] = [];
  const add = (part: NamePart, role: Role) => {
    parts.push(part);
    roles.push(role);
  };
  switch (pool.layout) {
    case 'given-family':
      add(draw(pool.given[sex]), 'given');
      if (prng.chance(0.15)) add(draw(pool.given[sex]), 'middle');
      add(draw(pool.family[sex]), 'family');
      break;
    case 'given-patronymic-family':
      add(draw(pool.given[sex]), 'given');
      add(draw((pool.patronymic as Record<Sex, NamePart[]>)[sex]), 'patronymic');
      add(draw(pool.family[sex]), 'family');
      break;
    case 'given-father-chain':
      add(draw(pool.given[sex]), 'given');
      add(draw(pool.fathers), 'father');
      if (prng.chance(0.5)) add(draw(pool.fathers), 'grandfather');
      if (pool.family[sex].length > 0 && prng.chance(0.6)) add(draw(pool.family[sex]), 'family');
      break;
    case 'family-middle-given':
      add(draw(pool.family[sex]), 'family');
      add(draw(pool.given[sex]), 'given');
      break;
  }
  return { pool, sex, parts, roles };
}

/** The same person with one part replaced: a sibling, a cousin, a namesake. */
export function withPart(person: Person, index: number, part: NamePart): Person {
  const parts = [...person.parts];
  parts[index] = part;
  return { ...person, parts };
}

/** The list a part of `role` was drawn from, to find other names of the same kind. */
export function listFor(person: Person, role: Role): NamePart[] {
  const pool = person.pool;
  if (role === 'given' || role === 'middle') return pool.given[person.sex];
  if (role === 'father' || role === 'grandfather') return pool.fathers;
  if (role === 'patronymic') return (pool.patronymic as Record<Sex, NamePart[]>)[person.sex];
  return pool.family[person.sex];
}

/** Levenshtein distance, for "close but different" names in hard negatives. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/**
 * Another name from `list` that looks like `part` (edit distance of its first Latin spelling at most 2, or same first
 * two letters) when one exists, else any other name: the hard negatives of the issue ("Hassan" vs "Hussein",
 * "Olena" vs "Oksana").
 */
export function closeOther(
  part: NamePart,
  list: readonly NamePart[],
  prng: Prng,
  sameName: (a: string, b: string) => boolean = () => false,
): NamePart {
  const key = comparisonKey(part);
  const others = list.filter(
    (other) => other.native !== part.native && comparisonKey(other) !== key && !sameName(key, comparisonKey(other)),
  );
  if (others.length === 0) throw new Error(`No other name next to ${part.native}`);
  const close = others.filter((other) => {
    const otherKey = comparisonKey(other);
    return editDistance(key, otherKey) <= 2 || otherKey.slice(0, 2) === key.slice(0, 2);
  });
  return prng.pick(close.length > 0 && prng.chance(0.8) ? close : others);
}

/** Names known only in their own script are compared as written. */
function comparisonKey(part: NamePart): string {
  return (part.latin[0] ?? part.native).toLowerCase();
}

/** Zipf-like weights by rank, for sources that list names without frequencies. */
export function zipfWeight(rank: number): number {
  return 1 / (rank + 1);
}
