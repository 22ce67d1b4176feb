import { readSourceRows } from './psv.js';

/** English given names and their nicknames (public-domain list): William → Bill, Billy, Will... */
export function englishNicknames(): Map<string, string[]> {
  return new Map(readSourceRows('english-nicknames.psv').map(([name, nicknames]) => [name, nicknames.split(' ')]));
}

export interface EquivalentNames {
  kind: 'cross-language' | 'diminutive';
  /** The formal form first. */
  names: string[];
}

/** The small hand-curated list of cross-language equivalents (Yusuf = Joseph) and Slavic/Greek diminutives. */
export function curatedEquivalents(): EquivalentNames[] {
  return readSourceRows('name-equivalents-curated.psv').map(([kind, names]) => ({
    kind: kind as EquivalentNames['kind'],
    names: names.split(' '),
  }));
}
