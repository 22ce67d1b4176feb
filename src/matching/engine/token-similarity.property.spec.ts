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

  it('answers a pair met before as it did the first time, and as a comparison of copies it never met', () => {
    const name = fc.oneof(word, fc.constantFrom('محمد', 'أحمد', 'Олександр', 'Александр', 'ዮሴፍ', 'Nguyễn', 'Mehmet', 'Muhammad'));
    fc.assert(
      fc.property(fc.array(name, { minLength: 2, maxLength: 6 }), (names) => {
        const tokens = names.flatMap((n) => normaliseName(n).tokens);
        const pairs = tokens.flatMap((a) => tokens.map((b) => [a, b] as const));
        const first = pairs.map(([a, b]) => compareTokens(a, b));
        const again = pairs.map(([a, b]) => compareTokens(a, b));
        // Copies carry the same content without the serial number that keys the memo.
        const afresh = pairs.map(([a, b]) => compareTokens({ ...a }, { ...b }));
        return (
          tokens.every((t) => t.serial !== undefined) && first.every((agreement, i) => agreement === again[i] && agreement === afresh[i])
        );
      }),
      { numRuns: 300 },
    );
  });
});
