import { normaliseName, type NormalisedToken } from './normalise-name.js';
import type { PersonForMatching } from './person-for-matching.js';
import { personTokens, type PersonTokens } from './person-names.js';

/**
 * A person with every name and place normalised once. A match job scores one record against up to
 * a few hundred candidates, so each side is prepared once rather than once per pair.
 */
export interface PreparedPerson {
  readonly person: PersonForMatching;
  readonly tokens: PersonTokens;
  readonly placeTokens: readonly NormalisedToken[];
}

export function preparePerson(person: PersonForMatching): PreparedPerson {
  const place = person.placeOfBirth?.text;
  return { person, tokens: personTokens(person), placeTokens: place ? normaliseName(place).tokens : [] };
}
