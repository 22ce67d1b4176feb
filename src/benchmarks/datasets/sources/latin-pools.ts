import { az, de, en, en_GH, en_NG, es, fr, fr_SN, hr, it, nl, pl, sr_RS_latin, tr, vi, yo_NG } from '@faker-js/faker';
import type { NamePool } from '../name-model.js';
import type { Prng } from '../prng.js';
import { type FoldingStyle, foldToAscii } from './latin-folding.js';
import { bySex, partsFromList } from './pool-helpers.js';

interface LatinLocale {
  id: string;
  person: unknown;
  countries: string[];
  folding: FoldingStyle;
  layout?: NamePool['layout'];
}

/**
 * Communities whose names are written in Latin letters (faker's locales). Their second spelling is the ASCII form a
 * record system without diacritics produces (Nguyễn Văn → Nguyen Van, Şahin → Sahin, Đorđević → Djordjevic).
 * Vietnamese names are laid out family name first, as Vietnamese records write them.
 */
const locales: LatinLocale[] = [
  { id: 'turkish', person: tr.person, countries: ['TR'], folding: 'turkic' },
  { id: 'azerbaijani', person: az.person, countries: ['AZ'], folding: 'turkic' },
  { id: 'vietnamese', person: vi.person, countries: ['VN'], folding: 'vietnamese', layout: 'family-middle-given' },
  { id: 'serbian', person: sr_RS_latin.person, countries: ['RS', 'BA', 'ME'], folding: 'south-slavic' },
  { id: 'croatian', person: hr.person, countries: ['HR', 'BA'], folding: 'south-slavic' },
  { id: 'nigerian', person: en_NG.person, countries: ['NG'], folding: 'plain' },
  { id: 'yoruba', person: yo_NG.person, countries: ['NG', 'BJ'], folding: 'plain' },
  { id: 'ghanaian', person: en_GH.person, countries: ['GH'], folding: 'plain' },
  { id: 'senegalese', person: fr_SN.person, countries: ['SN', 'ML', 'GN', 'GM'], folding: 'plain' },
  { id: 'german', person: de.person, countries: ['DE', 'AT'], folding: 'german' },
  { id: 'french', person: fr.person, countries: ['FR', 'BE'], folding: 'plain' },
  { id: 'english', person: en.person, countries: ['GB', 'IE', 'US'], folding: 'plain' },
  { id: 'polish', person: pl.person, countries: ['PL'], folding: 'plain' },
  { id: 'italian', person: it.person, countries: ['IT'], folding: 'plain' },
  { id: 'spanish', person: es.person, countries: ['ES'], folding: 'plain' },
  { id: 'dutch', person: nl.person, countries: ['NL'], folding: 'plain' },
];

export function latinPools(prng: Prng): NamePool[] {
  return locales.map(({ id, person, countries, folding, layout }) => {
    const lists = person as Record<string, unknown>;
    const given = bySex(lists.first_name as never);
    const family = bySex(lists.last_name as never);
    const spell = (native: string) => [native, foldToAscii(native, folding)];
    return {
      id,
      script: 'Latn',
      countries,
      layout: layout ?? 'given-family',
      given: { M: partsFromList(given.M, spell, prng), F: partsFromList(given.F, spell, prng) },
      family: { M: partsFromList(family.M, spell, prng), F: partsFromList(family.F, spell, prng) },
      fathers: [],
    };
  });
}

/** The pool ids of Latin-script communities, for the record sets. */
export const europeanPoolIds = ['german', 'french', 'english', 'polish', 'italian', 'spanish', 'dutch', 'serbian', 'croatian'];
