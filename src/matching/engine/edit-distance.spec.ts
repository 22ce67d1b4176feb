import fc from 'fast-check';
import { boundedEditDistance } from './edit-distance.js';

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
  ])('%s / %s: %i', (a, b, distance) => {
    expect(boundedEditDistance(a, b, 3)).toBe(distance);
  });

  it('gives the distance itself when it equals the limit', () => {
    expect(boundedEditDistance('ab', 'ba', 1)).toBe(1);
    expect(boundedEditDistance('inka', 'ikna', 1)).toBe(1);
    expect(boundedEditDistance('abagaz', 'abofaz', 2)).toBe(2);
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
});
