import { normaliseName, type NormalisedToken } from './normalise-name.js';
import type { EngineNamePart, PersonForMatching } from './person-for-matching.js';

/** Parts that name the person themself, as opposed to a parent. */
const OWN_PARTS: ReadonlySet<EngineNamePart> = new Set(['given', 'family', 'alias', 'nickname', 'full']);

export interface PersonTokens {
  /** tokens of the person's own names, all variants pooled (see `pooled`) */
  own: NormalisedToken[];
  /** tokens of the father's and grandfather's names (patronymic chain) */
  paternal: NormalisedToken[];
  mother: NormalisedToken[];
}

/**
 * The tokens of several recorded names of one role, each as often as the name that writes it most
 * often: variants repeat each other's words (Yusuf Haddad, Yusuf), but a word written twice in one
 * name is two names. A boy is often named after his grandfather (Ahmed Mohamed Ahmed), and a
 * father's name may equal the son's (Farhan Farhan): "Farhan Farhan Kamal" is not "Farhan Kamal".
 */
function pooled(names: readonly NormalisedToken[][]): NormalisedToken[] {
  const tokens: NormalisedToken[] = [];
  const counted = new Map<string, number>();
  for (const name of names) {
    const inName = new Map<string, number>();
    for (const token of name) {
      const seen = (inName.get(token.token) ?? 0) + 1;
      inName.set(token.token, seen);
      if (seen > (counted.get(token.token) ?? 0)) {
        counted.set(token.token, seen);
        tokens.push(token);
      }
    }
  }
  return tokens;
}

/**
 * Pools a person's name variants by role. Order is not trusted, so a `full` name (or a given name
 * holding a patronymic chain such as "Ahmed Mohamed Ali") counts towards the person's own tokens:
 * alignment, not position, decides what matched.
 */
export function personTokens(person: PersonForMatching): PersonTokens {
  const own: NormalisedToken[][] = [];
  const paternal: NormalisedToken[][] = [];
  const mother: NormalisedToken[][] = [];
  for (const name of person.names) {
    const tokens = normaliseName(name.value).tokens;
    if (OWN_PARTS.has(name.part)) own.push(tokens);
    else if (name.part === 'mother') mother.push(tokens);
    else paternal.push(tokens);
  }
  return { own: pooled(own), paternal: pooled(paternal), mother: pooled(mother) };
}
