export const categories = ['cross_script', 'transliteration', 'typo', 'nickname', 'order_swap'] as const;
export type Category = (typeof categories)[number];

export interface LabelledPair {
  nameA: string;
  nameB: string;
  same: boolean;
  category: Category;
}

/**
 * Collects pairs for the whole file: a pair (in either order) is kept once, identical names are never a pair, and a
 * pair of names cannot be labelled both ways.
 */
export class PairCollector {
  readonly pairs: LabelledPair[] = [];
  private readonly seen = new Set<string>();

  add(nameA: string, nameB: string, same: boolean, category: Category): boolean {
    const a = tidy(nameA);
    const b = tidy(nameB);
    if (a.length === 0 || b.length === 0 || a === b) return false;
    const key = [a, b].sort().join('\u0000');
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.pairs.push({ nameA: a, nameB: b, same, category });
    return true;
  }

  count(category: Category, same: boolean): number {
    return this.pairs.filter((pair) => pair.category === category && pair.same === same).length;
  }
}

function tidy(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Calls `make` until `target` pairs were added (or too many attempts failed: the sources ran out of distinct pairs,
 * which the caller's counts then show).
 */
export function fill(target: number, make: () => boolean): number {
  let added = 0;
  for (let attempt = 0; added < target && attempt < target * 40; attempt++) if (make()) added++;
  return added;
}
