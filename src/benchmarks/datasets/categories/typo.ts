import type { BuildContext } from '../build-context.js';
import { drawPerson, latinName, latinSchemeCount, listFor, type NamePool, nativeName, type Person, type Script } from '../name-model.js';
import { joinOrSplitCompound, particleVariant, scriptTypo } from '../noise.js';
import type { Prng } from '../prng.js';
import { namesake } from './namesakes.js';
import { fill, type PairCollector } from './pair-collector.js';

interface Rendered {
  person: Person;
  name: string;
  script: Script;
}

/**
 * The same name recorded twice with the slips of record keeping: one or two keyboard, OCR or phonetic typos (or
 * their Arabic, Cyrillic, Greek and Ge'ez counterparts), a middle or father's name dropped or added, a compound joined
 * or split (Abdul Rahman / Abdulrahman, Gebre Medhin / Gebremedhin), an article or link word (Al-, El, bin, ibn).
 * Negatives are close namesakes recorded with the same kind of slip.
 */
export function buildTypo(context: BuildContext, collector: PairCollector, prng: Prng, perLabel: number): void {
  const pools: [NamePool, number][] = [
    [context.arabic, 22],
    ...context.arabicScriptOnly.map((pool): [NamePool, number] => [pool, 2]),
    [context.ukrainian, 10],
    [context.russian, 8],
    [context.greek, 5],
    [context.ethiopian, 12],
    ...context.latin.map((pool): [NamePool, number] => [pool, 2]),
  ];
  const render = (person: Person): Rendered => {
    const canLatin = latinSchemeCount(person) > 0 && person.parts.every((part) => part.latin.length > 0);
    const native = person.pool.script !== 'Latn' && (!canLatin || prng.chance(0.3));
    return native
      ? { person, name: nativeName(person), script: person.pool.script }
      : { person, name: latinName(person, prng.int(latinSchemeCount(person))), script: 'Latn' };
  };
  const renderAs = (person: Person, like: Rendered): string => (like.script === 'Latn' ? latinName(person, 0) : nativeName(person));

  /** The record-keeping slips; each returns null when it does not apply to this name. */
  const slips: ((r: Rendered) => string | null)[] = [
    (r) => scriptTypo(r.name, r.script, prng),
    (r) => scriptTypo(scriptTypo(r.name, r.script, prng), r.script, prng),
    (r) => {
      const words = r.name.split(' ');
      if (words.length < 3) return null;
      words.splice(prng.between(1, words.length - 2), 1);
      return words.join(' ');
    },
    (r) => {
      const chain = r.person.pool.layout === 'given-father-chain';
      const extraList = chain ? r.person.pool.fathers : listFor(r.person, 'given');
      if (extraList.length === 0 || r.person.pool.layout === 'given-patronymic-family') return null;
      const extra = prng.pickWeighted(extraList, (part) => part.weight);
      const spelled = r.script === 'Latn' ? extra.latin[0] : extra.native;
      if (spelled === undefined) return null;
      const words = r.name.split(' ');
      words.splice(chain ? words.length - (r.person.roles.includes('family') ? 1 : 0) : 1, 0, spelled);
      return words.join(' ');
    },
    (r) => (r.script === 'Latn' ? joinOrSplitCompound(r.name, prng) : null),
    (r) => (r.script === 'Latn' ? particleVariant(r.name, r.person.pool.id === 'arabic-wikidata', prng) : null),
  ];
  const slip = (r: Rendered): string | null => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const changed = prng.pick(slips)(r);
      if (changed !== null && changed !== r.name) return changed;
    }
    return null;
  };

  fill(perLabel, () => {
    const rendered = render(drawPerson(prng.pickWeighted(pools, ([, w]) => w)[0], prng));
    const changed = slip(rendered);
    return changed !== null && collector.add(rendered.name, changed, true, 'typo');
  });

  fill(perLabel, () => {
    const rendered = render(drawPerson(prng.pickWeighted(pools, ([, w]) => w)[0], prng));
    const other = namesake(rendered.person, prng, context.sameName);
    const otherName = renderAs(other, rendered);
    const changed = prng.chance(0.6) ? slip({ person: other, name: otherName, script: rendered.script }) : otherName;
    return changed !== null && collector.add(rendered.name, changed, false, 'typo');
  });
}
