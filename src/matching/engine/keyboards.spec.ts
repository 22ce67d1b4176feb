import fc from 'fast-check';

import { CYRILLIC_SLIPS, keyboardNeighbours, LATIN_SLIPS } from './keyboards.js';
import { isConfusable } from './typing-slips.js';

describe('keyboardNeighbours', () => {
  it('joins each key to the next on its row and to the two keys below it, half a key to the right', () => {
    expect(keyboardNeighbours(['abc', 'de'])).toEqual(['ab', 'ad', 'bc', 'bd', 'be', 'ce', 'de']);
  });

  it('gives nothing for a row of one key with no row below', () => {
    expect(keyboardNeighbours(['a'])).toEqual([]);
  });
});

describe('Cyrillic slips', () => {
  it.each([
    // neighbouring keys of ЙЦУКЕН, on a row and between rows
    ['в', 'а'],
    ['ц', 'у'],
    ['к', 'а'],
    ['р', 'т'],
    // one key on the Ukrainian and the Russian layout
    ['і', 'ы'],
    ['є', 'э'],
    ['ї', 'ъ'],
    // a Ukrainian name spelled with Russian letters, or the reverse
    ['і', 'и'],
    ['є', 'е'],
    ['ї', 'і'],
    ['ґ', 'г'],
    // unstressed vowels heard, and marks a hand leaves off
    ['о', 'а'],
    ['е', 'и'],
    ['ё', 'е'],
    ['й', 'и'],
    ['щ', 'ш'],
  ])('%s / %s', (x, y) => {
    expect(isConfusable(x, y, CYRILLIC_SLIPS)).toBe(true);
    expect(isConfusable(y, x, CYRILLIC_SLIPS)).toBe(true);
  });

  it.each([
    ['к', 'л'],
    ['н', 'т'],
    ['а', 'я'],
    ['в', 'в'],
  ])('not %s / %s', (x, y) => {
    expect(isConfusable(x, y, CYRILLIC_SLIPS)).toBe(false);
  });

  it('lets only one letter under two spellings differ as a first letter, and leaves out only the soft and hard signs', () => {
    expect(CYRILLIC_SLIPS.twins.has('єе')).toBe(true);
    expect(CYRILLIC_SLIPS.twins.has('еє')).toBe(true);
    expect(CYRILLIC_SLIPS.twins.has('ва')).toBe(false);
    expect(CYRILLIC_SLIPS.silent).toBe('ьъ');
  });

  it('knows no Latin letter, and the Latin table no Cyrillic one', () => {
    const pairs = [...CYRILLIC_SLIPS.confusable, ...LATIN_SLIPS.confusable];
    expect(pairs.every((pair) => /^\p{Script=Cyrillic}{2}$/u.test(pair) || /^[a-z]{2}$/.test(pair))).toBe(true);
    expect([...LATIN_SLIPS.confusable].some((pair) => /\p{Script=Cyrillic}/u.test(pair))).toBe(false);
  });

  it('holds every pair both ways, and never a letter with itself', () => {
    for (const table of [LATIN_SLIPS, CYRILLIC_SLIPS]) {
      const letters = [...new Set([...table.confusable].flatMap((pair) => [...pair]))];
      fc.assert(
        fc.property(fc.constantFrom(...letters), fc.constantFrom(...letters), (x, y) => {
          return table.confusable.has(x + y) === table.confusable.has(y + x) && !table.confusable.has(x + x);
        }),
        { numRuns: 500 },
      );
    }
  });
});

describe('Latin first-letter twins', () => {
  it('are letters that transliterations write for one sound', () => {
    for (const pair of ['iy', 'jy', 'gy', 'ck', 'kq']) expect(LATIN_SLIPS.twins.has(pair)).toBe(true);
    // Zora / Lora, Kolya / Tolya, Jane / Gabe: other names
    for (const pair of ['zl', 'kt', 'jg', 'me']) expect(LATIN_SLIPS.twins.has(pair)).toBe(false);
  });
});
