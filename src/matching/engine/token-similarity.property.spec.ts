import fc from 'fast-check';

import { normaliseName } from './normalise-name.js';
import { compareTokens } from './token-similarity.js';

/** Latin name-like words, articles included, so the glued-article and typo rules get exercised. */
const word = fc
  .tuple(fc.constantFrom('', 'al', 'el'), fc.string({ unit: fc.constantFrom(...'abdehiklmnorstuy'), minLength: 1, maxLength: 9 }))
  .map(([article, stem]) => article + stem);

describe('compareTokens (properties)', () => {
  it('gives the same agreement whichever token comes first', () => {
    fc.assert(
      fc.property(word, word, (x, y) => {
        const [a] = normaliseName(x).tokens;
        const [b] = normaliseName(y).tokens;
        if (!a || !b) return true;
        return compareTokens(a, b) === compareTokens(b, a);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds every token exactly equal to itself', () => {
    fc.assert(
      fc.property(word, (x) => normaliseName(x).tokens.every((t) => compareTokens(t, t) === 'exact')),
      { numRuns: 500 },
    );
  });
});
