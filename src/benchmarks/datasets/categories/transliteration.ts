import type { BuildContext } from '../build-context.js';
import { drawPerson, latinName, latinSchemeCount, type NamePool, type Person } from '../name-model.js';
import type { Prng } from '../prng.js';
import { stripDiacritics } from '../sources/latin-folding.js';
import { namesake } from './namesakes.js';
import { fill, type PairCollector } from './pair-collector.js';

/**
 * Two Latin spellings of one name: two romanisation standards of the same Cyrillic or Greek name (Ukrainian national
 * 2010 vs BGN/PCGN, Russian ICAO vs BGN/PCGN vs French-style MVD...), the common and the scholarly spelling of an
 * Ethiopian name (Tesfaye vs Tasfaye), Wikidata's different spellings of one Arabic name (Mahfouz vs Mahfood), and
 * names with and without their diacritics (Nguyễn Văn vs Nguyen Van, Şahin vs Sahin, Đorđević vs Djordjevic).
 * Negatives spell a close namesake with the other standard.
 */
export function buildTransliteration(context: BuildContext, collector: PairCollector, prng: Prng, perLabel: number): void {
  const byId = (id: string) => context.latin.find((pool) => pool.id === id) as NamePool;
  const pools: [NamePool, number][] = [
    [context.ukrainian, 14],
    [context.russian, 14],
    [context.greek, 10],
    [context.macedonian, 3],
    [context.ethiopian, 12],
    [context.arabic, 10],
    [byId('vietnamese'), 10],
    [byId('turkish'), 8],
    [byId('azerbaijani'), 2],
    [byId('serbian'), 4],
    [byId('croatian'), 3],
    [byId('german'), 3],
    [byId('polish'), 3],
    [byId('french'), 2],
    [byId('senegalese'), 2],
  ];
  const twoSpellings = (person: Person): [string, string] | null => {
    const schemes = latinSchemeCount(person);
    if (schemes < 2) return null;
    if (person.pool.id === 'arabic-wikidata') {
      // Per-word choice: Wikidata spells each word of a name on its own.
      const a = person.parts.map((part) => prng.pick(part.latin)).join(' ');
      const b = person.parts.map((part) => prng.pick(part.latin)).join(' ');
      return [a, b];
    }
    const i = prng.int(schemes);
    let j = prng.int(schemes - 1);
    if (j >= i) j++;
    return [latinName(person, i), latinName(person, j)];
  };

  fill(perLabel, () => {
    if (prng.chance(0.08)) {
      const row = prng.pick(context.ethiopianNames);
      return collector.add(row.ascii, stripDiacritics(row.scholarly), true, 'transliteration');
    }
    const person = drawPerson(prng.pickWeighted(pools, ([, w]) => w)[0], prng);
    const spellings = twoSpellings(person);
    return spellings !== null && collector.add(spellings[0], spellings[1], true, 'transliteration');
  });

  fill(perLabel, () => {
    const person = drawPerson(prng.pickWeighted(pools, ([, w]) => w)[0], prng);
    const other = namesake(person, prng, context.sameName);
    const schemes = Math.min(latinSchemeCount(person), latinSchemeCount(other));
    if (schemes < 2) return false;
    const i = prng.int(schemes);
    return collector.add(latinName(person, i), latinName(other, (i + 1) % schemes), false, 'transliteration');
  });
}
