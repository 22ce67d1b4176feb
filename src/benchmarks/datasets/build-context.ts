import type { NamePool } from './name-model.js';
import type { Prng } from './prng.js';
import { arabicScriptOnlyPools, arabicWikidataPool } from './sources/arabic-script-pools.js';
import { type EthiopianSourceName, ethiopianPool, ethiopianSourceNames } from './sources/ethiopian-pools.js';
import { IcuTransliterator } from './sources/icu-transliterator.js';
import { latinPools } from './sources/latin-pools.js';
import { curatedEquivalents, englishNicknames, type EquivalentNames } from './sources/nickname-sources.js';
import { greekPool, macedonianPool, russianPool, ukrainianPool } from './sources/slavic-greek-pools.js';

/** Everything the categories and record sets draw from, loaded once. */
export interface BuildContext {
  ukrainian: NamePool;
  russian: NamePool;
  macedonian: NamePool;
  greek: NamePool;
  arabic: NamePool;
  arabicScriptOnly: NamePool[];
  ethiopian: NamePool;
  ethiopianNames: EthiopianSourceName[];
  latin: NamePool[];
  englishNicknames: Map<string, string[]>;
  equivalents: EquivalentNames[];
  /** True when two given names (any case) are forms of one name by the nickname or curated lists. */
  sameName: (a: string, b: string) => boolean;
}

export function loadContext(prng: Prng): BuildContext {
  const icu = new IcuTransliterator();
  const ethiopianNames = ethiopianSourceNames();
  const nicknames = englishNicknames();
  const equivalents = curatedEquivalents();
  return {
    ukrainian: ukrainianPool(icu, prng.fork('ukrainian')),
    russian: russianPool(prng.fork('russian')),
    macedonian: macedonianPool(icu, prng.fork('macedonian')),
    greek: greekPool(icu, prng.fork('greek')),
    arabic: arabicWikidataPool(),
    arabicScriptOnly: arabicScriptOnlyPools(prng.fork('arabic-script-only')),
    ethiopian: ethiopianPool(ethiopianNames, icu),
    ethiopianNames,
    latin: latinPools(prng.fork('latin')),
    englishNicknames: nicknames,
    equivalents,
    sameName: sameNameRelation(nicknames, equivalents),
  };
}

export function latinPool(context: BuildContext, id: string): NamePool {
  const pool = context.latin.find((candidate) => candidate.id === id);
  if (!pool) throw new Error(`No Latin-script pool ${id}`);
  return pool;
}

/**
 * Whether two given names may be forms of one name: they share a group of the nickname or curated lists, directly or
 * through one member (Ricardo and Richard share Rick; Mykola and Nikola share Nicholas). Deliberately generous: it only
 * keeps such pairs out of the negatives, where a wrong "different" label would be worse than one negative fewer.
 */
export function sameNameRelation(nicknames: Map<string, string[]>, equivalents: EquivalentNames[]): (a: string, b: string) => boolean {
  const groups = [...[...nicknames].map(([formal, short]) => [formal, ...short]), ...equivalents.map((group) => group.names)];
  const forms = new Map<string, Set<string>>();
  for (const names of groups) {
    const lower = names.map((name) => name.toLowerCase());
    for (const name of lower) {
      const set = forms.get(name) ?? new Set<string>([name]);
      lower.forEach((other) => set.add(other));
      forms.set(name, set);
    }
  }
  return (a, b) => {
    const left = forms.get(a.toLowerCase()) ?? new Set([a.toLowerCase()]);
    const right = forms.get(b.toLowerCase()) ?? new Set([b.toLowerCase()]);
    return [...left].some((name) => right.has(name));
  };
}
