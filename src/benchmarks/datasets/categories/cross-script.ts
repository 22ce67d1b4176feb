import type { BuildContext } from '../build-context.js';
import { drawPerson, latinName, latinSchemeCount, type NamePool, nativeName } from '../name-model.js';
import type { Prng } from '../prng.js';
import { stripDiacritics } from '../sources/latin-folding.js';
import { namesake } from './namesakes.js';
import { fill, type PairCollector } from './pair-collector.js';

/**
 * A name in Arabic, Cyrillic, Greek or Ge'ez script against the same person's name in Latin letters (positives) or
 * against a close namesake's (negatives). Latin spellings are the sources' own (Wikidata for Arabic script, the
 * Ethiopian authors list for Ge'ez) or published standards applied by ICU and iuliia (Cyrillic, Greek).
 * Shares by script follow an RFL caseload: Arabic script and Ge'ez the largest, then Ukrainian/Russian, then Greek.
 */
export function buildCrossScript(context: BuildContext, collector: PairCollector, prng: Prng, perLabel: number): void {
  const pools: [NamePool, number][] = [
    [context.arabic, 30],
    [context.ukrainian, 15],
    [context.russian, 12],
    [context.macedonian, 3],
    [context.greek, 15],
    [context.ethiopian, 12],
  ];
  const sourceRows = context.ethiopianNames;
  const rowLatin = (row: (typeof sourceRows)[number]) => (prng.chance(0.6) ? row.ascii : stripDiacritics(row.scholarly));
  const orient = (native: string, latin: string): [string, string] => (prng.chance(0.5) ? [native, latin] : [latin, native]);

  fill(perLabel, () => {
    // About an eighth of the positives are the Ethiopian source's own full names, as the list gives them.
    if (prng.chance(0.13)) {
      const row = prng.pick(sourceRows);
      return collector.add(...orient(row.geez, rowLatin(row)), true, 'cross_script');
    }
    const person = drawPerson(prng.pickWeighted(pools, ([, w]) => w)[0], prng);
    return collector.add(...orient(nativeName(person), latinName(person, prng.int(latinSchemeCount(person)))), true, 'cross_script');
  });

  fill(perLabel, () => {
    if (prng.chance(0.13)) {
      // Two different authors of the list who share a name (Tesfaye Lemma, Tesfaye Abebe).
      const row = prng.pick(sourceRows);
      const words = row.geez.split(' ');
      const others = sourceRows.filter((other) => other !== row && other.geez.split(' ').some((word) => words.includes(word)));
      if (others.length === 0) return false;
      return collector.add(...orient(row.geez, rowLatin(prng.pick(others))), false, 'cross_script');
    }
    const person = drawPerson(prng.pickWeighted(pools, ([, w]) => w)[0], prng);
    const other = namesake(person, prng, context.sameName);
    return collector.add(...orient(nativeName(person), latinName(other, prng.int(latinSchemeCount(other)))), false, 'cross_script');
  });
}
