/**
 * Pooled top-k recall: of all the true matches of all the queries, the share found among each
 * query's first k results. Pooled (not averaged per query) so a human recorded three times weighs
 * as two true matches, not as one query.
 */
export function pooledRecall(results: ReadonlyArray<{ ranked: readonly string[]; trueMatchIds: readonly string[] }>, k = 10): number {
  let found = 0;
  let total = 0;
  for (const { ranked, trueMatchIds } of results) {
    const top = new Set(ranked.slice(0, k));
    total += trueMatchIds.length;
    found += trueMatchIds.filter((id) => top.has(id)).length;
  }
  return total === 0 ? Number.NaN : found / total;
}
