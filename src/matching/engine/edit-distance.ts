/**
 * Letter pairs that scanners and hurried hands take for one letter (rn / m, cl / d, vv / w, li / h):
 * reading one as the other is one slip, not a letter changed and another added.
 */
const LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  ['m', 'rn'],
  ['d', 'cl'],
  ['w', 'vv'],
  ['h', 'li'],
]);

/** Whether `first` + `second` look like `letter` (no string built: this runs for every cell). */
export function readsAs(first: string, second: string, letter: string): boolean {
  const pair = LOOK_ALIKES.get(letter);
  return pair !== undefined && pair[0] === first && pair[1] === second;
}

/**
 * Optimal-string-alignment distance (Levenshtein with adjacent transpositions and look-alike
 * letter pairs), giving up once it exceeds `limit`: the matcher asks only "one or two slips
 * apart?", so long mismatches end early.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      // The row between is at most one more than the row before (a letter dropped): a row above
      // the limit still ends the search.
      if (i > 1 && readsAs(a[i - 2], a[i - 1], b[j - 1])) value = Math.min(value, before[j - 1] + 1);
      if (j > 1 && readsAs(b[j - 2], b[j - 1], a[i - 1])) value = Math.min(value, previous[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length], limit + 1);
}
