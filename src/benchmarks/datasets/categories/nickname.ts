import type { BuildContext } from '../build-context.js';
import { editDistance, type NamePart, type NamePool } from '../name-model.js';
import type { Prng } from '../prng.js';
import { fill, type PairCollector } from './pair-collector.js';

/**
 * A formal given name against a familiar or foreign form of it, the family name unchanged: William Brown / Bill Brown
 * (public-domain English nickname list), Oleksandr Shevchenko / Sashko Shevchenko, Georgios Papadopoulos / Giorgos
 * Papadopoulos, Yusuf Darwish / Joseph Darwish, Yohannes Kebede / John Kebede (curated list). Negatives pair two
 * different given names that look alike or share an initial (Alexander / Alexandra, Yusuf / Yunus) with the same
 * family name: siblings, or strangers sharing a surname.
 */
export function buildNickname(context: BuildContext, collector: PairCollector, prng: Prng, perLabel: number): void {
  const english = [...context.englishNicknames];
  const groups = context.equivalents;
  const familyPools: [NamePool, number][] = [
    ...context.latin.map((pool): [NamePool, number] => [pool, ['english', 'german', 'french', 'dutch'].includes(pool.id) ? 3 : 1]),
  ];
  const familyName = (pools: [NamePool, number][]): string => {
    const pool = prng.pickWeighted(pools, ([, w]) => w)[0];
    const list: NamePart[] = pool.family.M.length > 0 ? pool.family.M : pool.fathers;
    return prng.pickWeighted(list, (part) => part.weight).latin[0];
  };
  // A curated name's family name comes from the community whose given names include one of the group's forms
  // (Sashko → a Ukrainian family name, Yohannes → an Ethiopian father's name), else from any community.
  const communities: NamePool[] = [
    context.ukrainian,
    context.russian,
    context.greek,
    context.arabic,
    context.ethiopian,
    context.macedonian,
  ];
  const givenSpellings = new Map(
    communities.map((pool) => [
      pool,
      new Set([...pool.given.M, ...pool.given.F].flatMap((part) => part.latin.map((l) => l.toLowerCase()))),
    ]),
  );
  const familyFor = (names: string[]): [NamePool, number][] => {
    const community = communities.find((pool) => names.some((name) => givenSpellings.get(pool)?.has(name.toLowerCase())));
    return community ? [[community, 1]] : familyPools;
  };
  const withFamily = (given: string, family: string) => `${given} ${family}`;

  fill(perLabel, () => {
    const family = familyName(familyPools);
    if (prng.chance(0.55)) {
      const [formal, nicknames] = prng.pick(english);
      return collector.add(withFamily(formal, family), withFamily(prng.pick(nicknames), family), true, 'nickname');
    }
    const group = prng.pick(groups);
    const [a, b] = prng.shuffle([...group.names]).slice(0, 2);
    const groupFamily = familyName(familyFor(group.names));
    const ordered = prng.chance(0.5) ? [a, b] : [b, a];
    return collector.add(`${ordered[0]} ${groupFamily}`, `${ordered[1]} ${groupFamily}`, true, 'nickname');
  });

  const allGiven = [...new Set([...english.flatMap(([formal, nicknames]) => [formal, ...nicknames]), ...groups.flatMap((g) => g.names)])];

  fill(perLabel, () => {
    const fromEnglish = prng.chance(0.55);
    const name = fromEnglish ? prng.pick(english)[0] : prng.pick(prng.pick(groups).names);
    const lookalikes = allGiven.filter(
      (other) =>
        other !== name && (editDistance(other, name) <= 2 || other.slice(0, 2) === name.slice(0, 2)) && !context.sameName(name, other),
    );
    if (lookalikes.length === 0) return false;
    const family = familyName(fromEnglish ? familyPools : familyFor([name]));
    return collector.add(withFamily(name, family), withFamily(prng.pick(lookalikes), family), false, 'nickname');
  });
}
