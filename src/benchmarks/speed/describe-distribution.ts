import { storedRequests } from './generate-people.js';
import { nameLabel } from './name-pools.js';

export interface DistributionSummary {
  /** stored records described (the first ones, up to the limit: every group draws alike) */
  described: number;
  /** the ten most frequent names (culture, list, usual spelling) and the share of records carrying each */
  topNames: Array<{ name: string; share: number }>;
  /** share of records carrying at least one of the ten most frequent names */
  topTenShare: number;
  distinctNames: number;
  /** groups (humans) by how many records they have: true-match groups are those of 2 or 3 */
  groupsBySize: Record<string, number>;
  /** share of records that have at least one true match among the stored records */
  shareWithTrueMatch: number;
  cultures: Record<string, number>;
  nativeScriptShare: number;
  typoShare: number;
  findableEnquirerShare: number;
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : Number((part / whole).toFixed(4)));

/**
 * Measures what the generator produced: name frequencies (by canonical name, all spellings and
 * scripts of a name counted as one), the share of records carrying one of the ten most frequent
 * names, true-match group sizes, cultures, scripts and typos.
 */
export function describeDistribution(seed: number, records: number, limit = 100_000): DistributionSummary {
  const described = Math.min(records, limit);
  const counts = new Map<number, number>();
  const namesOfRecord: number[][] = [];
  const groupSizes = new Map<number, number>();
  const cultures = new Map<string, number>();
  let native = 0;
  let typos = 0;
  let findable = 0;
  for (const request of storedRequests(seed, described)) {
    const ids = [...new Set(request.nameIds)];
    namesOfRecord.push(ids);
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    groupSizes.set(request.group, (groupSizes.get(request.group) ?? 0) + 1);
    cultures.set(request.culture, (cultures.get(request.culture) ?? 0) + 1);
    if (request.isNative) native += 1;
    if (request.hasTypo) typos += 1;
    if (request.agreesToBeFound) findable += 1;
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 10);
  const topIds = new Set(top.map(([id]) => id));
  const withTop = namesOfRecord.filter((ids) => ids.some((id) => topIds.has(id))).length;
  const bySize: Record<string, number> = {};
  let withTrueMatch = 0;
  for (const size of groupSizes.values()) {
    bySize[size] = (bySize[size] ?? 0) + 1;
    if (size > 1) withTrueMatch += size;
  }
  return {
    described,
    topNames: top.map(([id, count]) => ({ name: nameLabel(id), share: share(count, described) })),
    topTenShare: share(withTop, described),
    distinctNames: counts.size,
    groupsBySize: bySize,
    shareWithTrueMatch: share(withTrueMatch, described),
    cultures: Object.fromEntries([...cultures.entries()].sort((a, b) => b[1] - a[1]).map(([key, n]) => [key, share(n, described)])),
    nativeScriptShare: share(native, described),
    typoShare: share(typos, described),
    findableEnquirerShare: share(findable, described),
  };
}
