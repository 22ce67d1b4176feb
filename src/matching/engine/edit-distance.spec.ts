import fc from 'fast-check';
import { boundedEditDistance, readsAs } from './edit-distance.js';

/** The same distance over the whole table, with no early exit and no reused rows: what the bounded one must agree with. */
function fullTableDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1)
    for (let j = 1; j <= b.length; j += 1) {
      const options = [d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)];
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) options.push(d[i - 2][j - 2] + 1);
      if (i > 1 && readsAs(a[i - 2], a[i - 1], b[j - 1])) options.push(d[i - 2][j - 1] + 1);
      if (j > 1 && readsAs(b[j - 2], b[j - 1], a[i - 1])) options.push(d[i - 1][j - 2] + 1);
      d[i][j] = Math.min(...options);
    }
  return d[a.length][b.length];
}

describe('boundedEditDistance', () => {
  it.each([
    ['inka', 'ikna', 1],
    ['phuong', 'puong', 1],
    ['abagaz', 'abofaz', 2],
    ['smoljanec', 'smojlanec', 1],
    ['hassan', 'hassan', 0],
    ['', 'abc', 3],
    // look-alike letter pairs read as one letter: one slip
    ['teodora', 'teoclora', 1],
    ['mariam', 'rnariam', 1],
    ['wael', 'vvael', 1],
    ['ahmed', 'alimed', 1],
    ['gordeyevich', 'gorcleyevich', 1],
    // only those pairs, and only for the letter they look like
    ['teodora', 'teoxlora', 2],
    ['teotora', 'teoclora', 2],
    // both letters of the pair: r then x is not m
    ['mariam', 'rxariam', 2],
  ])('%s / %s: %i', (a, b, distance) => {
    expect(boundedEditDistance(a, b, 3)).toBe(distance);
  });

  it('gives the distance itself when it equals the limit', () => {
    expect(boundedEditDistance('ab', 'ba', 1)).toBe(1);
    expect(boundedEditDistance('inka', 'ikna', 1)).toBe(1);
    expect(boundedEditDistance('abagaz', 'abofaz', 2)).toBe(2);
  });

  it('measures words longer than its first buffer holds, and short ones after them', () => {
    const long = 'abdulrahmanibnmuhammadibnabdulaziz'.repeat(2);
    expect(boundedEditDistance(long, long.replace('rahman', 'rahmna'), 2)).toBe(1);
    expect(boundedEditDistance(long, `${long}x`, 2)).toBe(1);
    expect(boundedEditDistance('inka', 'ikna', 1)).toBe(1);
  });

  it('stops at limit + 1', () => {
    expect(boundedEditDistance('oleksandr', 'mohammed', 2)).toBe(3);
  });

  it('is symmetric, zero only for equal strings, and never more than the longer length', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 8 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = boundedEditDistance(a, b, 10);
        return d === boundedEditDistance(b, a, 10) && (d === 0) === (a === b) && d <= Math.max(a.length, b.length);
      }),
    );
  });

  it('agrees with the whole table up to the limit, whatever the calls before it left behind', () => {
    // Look-alike letters included (rn / m, cl / d, vv / w, li / h), and words long and short in turn.
    const word = fc.string({ unit: fc.constantFrom('a', 'r', 'n', 'm', 'c', 'l', 'd', 'v', 'w', 'i', 'h'), maxLength: 14 });
    fc.assert(
      fc.property(fc.array(fc.tuple(word, word, fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 6 }), (calls) =>
        calls.every(([a, b, limit]) => boundedEditDistance(a, b, limit) === Math.min(fullTableDistance(a, b), limit + 1)),
      ),
      { numRuns: 500 },
    );
  });
});
