import type { BuildContext } from '../build-context.js';
import { drawPerson, latinSchemeCount, type NamePool, type Person } from '../name-model.js';
import type { Prng } from '../prng.js';
import { namesake } from './namesakes.js';
import { fill, type PairCollector } from './pair-collector.js';

/**
 * The same name with the family name first in one record and last in the other: "Shevchenko Oleksandr Ivanovych" /
 * "Oleksandr Ivanovych Shevchenko", "Nguyen Van An" / "Van An Nguyen", "Al-Masri Ahmed Ali" / "Ahmed Ali Al-Masri",
 * written plainly, with the family name in capitals ("SHEVCHENKO Oleksandr") or followed by a comma. Only names with
 * a family name are reordered: in a name chain without one (Ethiopian, many Arabic names) "Tesfaye Lemma" and
 * "Lemma Tesfaye" may be son and father, so such pairs would have no certain label.
 * Negatives reorder a close namesake's name.
 */
export function buildOrderSwap(context: BuildContext, collector: PairCollector, prng: Prng, perLabel: number): void {
  const pools: [NamePool, number][] = [
    [context.arabic, 20],
    [context.ukrainian, 15],
    [context.russian, 12],
    [context.greek, 6],
    [context.macedonian, 2],
    ...context.arabicScriptOnly.map((pool): [NamePool, number] => [pool, 1]),
    ...context.latin.map((pool): [NamePool, number] => [pool, pool.id === 'vietnamese' ? 10 : 2]),
  ];
  const drawWithFamily = (): Person | null => {
    const person = drawPerson(prng.pickWeighted(pools, ([, w]) => w)[0], prng);
    return person.roles.includes('family') ? person : null;
  };
  /** Each part of a person's name, natively or in one romanisation. */
  const partTexts = (person: Person, native: boolean, scheme: number): string[] =>
    person.parts.map((part) => (native ? part.native : part.latin[Math.min(scheme, part.latin.length - 1)]));
  const useNative = (person: Person) =>
    person.pool.script !== 'Latn' && (latinSchemeCount(person) === 0 || person.parts.some((p) => p.latin.length === 0) || prng.chance(0.3));

  /** Family name moved to the other end, in one of the ways records write a family name first. */
  const reorder = (person: Person, native: boolean, scheme: number): [string, string] => {
    const all = partTexts(person, native, scheme);
    // Vietnamese family names are already first; others last.
    const familyIndex = person.roles.indexOf('family');
    const family = all[familyIndex];
    const rest = all.filter((_, i) => i !== familyIndex);
    const familyFirst = (style: number) =>
      style === 0 ? [family, ...rest].join(' ') : style === 1 ? [family.toUpperCase(), ...rest].join(' ') : `${family}, ${rest.join(' ')}`;
    const style = native ? (prng.chance(0.8) ? 0 : 2) : prng.pickWeighted([0, 1, 2], (s) => [6, 2, 2][s]);
    const givenFirst = [...rest, family].join(' ');
    return familyIndex === 0 ? [all.join(' '), givenFirst] : [givenFirst, familyFirst(style)];
  };

  fill(perLabel, () => {
    const person = drawWithFamily();
    if (person === null) return false;
    const native = useNative(person);
    const [a, b] = reorder(person, native, prng.int(Math.max(1, latinSchemeCount(person))));
    return collector.add(a, b, true, 'order_swap');
  });

  fill(perLabel, () => {
    const person = drawWithFamily();
    if (person === null) return false;
    const other = namesake(person, prng, context.sameName);
    const native = useNative(person);
    const scheme = prng.int(Math.max(1, Math.min(latinSchemeCount(person), latinSchemeCount(other))));
    const [a] = reorder(person, native, scheme);
    const [, b] = reorder(other, native, scheme);
    return collector.add(a, b, false, 'order_swap');
  });
}
