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
 * The three rows the distance needs (two rows back, the last, the current), side by side in one
 * buffer kept between calls: the matcher computes this distance for most token pairs of every
 * candidate, and arrays made per row were a good part of a job's garbage.
 */
let rows = new Int32Array(3 * 32);

/**
 * Optimal-string-alignment distance (Levenshtein with adjacent transpositions and look-alike
 * letter pairs), giving up once it exceeds `limit`: the matcher asks only "one or two slips
 * apart?", so long mismatches end early.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  // Offsets of the rows in the buffer; they rotate after each row instead of being copied.
  let before = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j += 1) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const letter = a[i - 1];
    const letterBefore = i > 1 ? a[i - 2] : '';
    rows[current] = i;
    let rowMin = i;
    for (let j = 1; j < width; j += 1) {
      const cost = letter === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost);
      if (i > 1 && j > 1 && letter === b[j - 2] && letterBefore === b[j - 1]) value = Math.min(value, rows[before + j - 2] + 1);
      // The row between is at most one more than the row before (a letter dropped): a row above
      // the limit still ends the search.
      if (i > 1 && readsAs(letterBefore, letter, b[j - 1])) value = Math.min(value, rows[before + j - 1] + 1);
      if (j > 1 && readsAs(b[j - 2], b[j - 1], letter)) value = Math.min(value, rows[previous + j - 2] + 1);
      rows[current + j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    const oldest = before;
    before = previous;
    previous = current;
    current = oldest;
  }
  return Math.min(rows[previous + b.length], limit + 1);
}
