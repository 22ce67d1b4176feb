import { normaliseName, type NormalisedToken } from './normalise-name.js';
import type { EngineNamePart, PersonForMatching } from './person-for-matching.js';

/** Parts that name the person themself, as opposed to a parent. */
const OWN_PARTS: ReadonlySet<EngineNamePart> = new Set(['given', 'family', 'alias', 'nickname', 'full']);

export interface PersonTokens {
  /** tokens of the person's own names, all variants pooled, duplicates removed */
  own: NormalisedToken[];
  /** tokens of the father's and grandfather's names (patronymic chain) */
  paternal: NormalisedToken[];
  mother: NormalisedToken[];
}

function unique(tokens: NormalisedToken[]): NormalisedToken[] {
  const seen = new Set<string>();
  return tokens.filter((t) => (seen.has(t.token) ? false : (seen.add(t.token), true)));
}

/**
 * Pools a person's name variants by role. Order is not trusted, so a `full` name (or a given name
 * holding a patronymic chain such as "Ahmed Mohamed Ali") counts towards the person's own tokens:
 * alignment, not position, decides what matched.
 */
export function personTokens(person: PersonForMatching): PersonTokens {
  const own: NormalisedToken[] = [];
  const paternal: NormalisedToken[] = [];
  const mother: NormalisedToken[] = [];
  for (const name of person.names) {
    const tokens = normaliseName(name.value).tokens;
    if (OWN_PARTS.has(name.part)) own.push(...tokens);
    else if (name.part === 'mother') mother.push(...tokens);
    else paternal.push(...tokens);
  }
  return { own: unique(own), paternal: unique(paternal), mother: unique(mother) };
}
