import fc from 'fast-check';

import { CYRILLIC_SLIPS } from './keyboards.js';
import { isConfusable, sameFirstLetter, typingSlipCost, withinTwoTypingSlips } from './typing-slips.js';

describe('isConfusable', () => {
  it.each([
    // neighbouring keys, on one row and between rows
    ['q', 'w'],
    ['g', 'h'],
    ['a', 'z'],
    ['d', 'e'],
    ['d', 'x'],
    ['n', 'j'],
    // letters read alike, and letters heard alike
    ['c', 'e'],
    ['a', 'o'],
    ['i', 'l'],
    ['n', 'h'],
    ['i', 'y'],
    ['s', 'z'],
    ['i', 'j'],
    ['n', 'u'],
    ['u', 'v'],
    ['g', 'q'],
    ['c', 'k'],
    ['k', 'q'],
    ['v', 'w'],
    // ends of rows, and the bottom row against the row above it
    ['p', 'l'],
    ['o', 'l'],
    ['m', 'k'],
    ['m', 'j'],
    ['z', 's'],
    ['b', 'h'],
    // AZERTY: q beside s, m at the end of the middle row, w beside x
    ['q', 's'],
    ['m', 'l'],
    ['w', 'x'],
  ])('%s / %s', (x, y) => {
    expect(isConfusable(x, y)).toBe(true);
    expect(isConfusable(y, x)).toBe(true);
  });

  it.each([
    ['a', 'p'],
    ['d', 'v'],
    ['e', 'a'],
    ['l', 's'],
    ['a', 'a'],
    ['p', 'k'],
    ['z', 'd'],
    // QWERTZ's neighbours are not taken (keyboards.ts): t / z, y / s
    ['t', 'z'],
    ['y', 's'],
  ])('not %s / %s', (x, y) => {
    expect(isConfusable(x, y)).toBe(false);
  });
});

describe('typingSlipCost', () => {
  it.each([
    ['storozhuk', 'storozhuk', 0],
    // r/e and k/j are neighbouring keys
    ['storozhuk', 'stoeozhuj', 2],
    // a swap and a doubled letter
    ['anastasivna', 'anatsassivna', 2],
    // li read as h
    ['adrianovitch', 'adrianovitcli', 1],
    // a/o read alike, and an s dropped for no visible reason
    ['niewiadomski', 'niewiodomki', 2.5],
    // two letters dropped for no visible reason
    ['leonidovna', 'leonovna', 3],
    // rn read as m, cl as d: one slip each, from either side
    ['amir', 'arnir', 1],
    ['adam', 'aclam', 1],
    ['arnirah', 'amira', 2.5],
    // a doubled letter written single, whichever copy; another letter dropped costs more
    ['anna', 'ana', 1],
    ['annab', 'anab', 1],
    ['anta', 'ana', 1.5],
    ['abc', 'acb', 1],
    // s/l are neither neighbours nor look-alikes; e heard as a costs as much as a stray letter
    ['denisova', 'danilova', 3.5],
    ['abeiku', 'abaiku', 1.5],
    // a vowel heard as another and u read as v
    ['abeiku', 'abaikv', 2.5],
  ])('%s / %s: %s', (a, b, cost) => {
    expect(typingSlipCost(a, b)).toBe(cost);
    expect(typingSlipCost(b, a)).toBe(cost);
  });

  it('never reads a different first letter as a slip (Cedomir / Radomir)', () => {
    expect(typingSlipCost('cedomir', 'radomir')).toBe(Infinity);
    expect(typingSlipCost('', 'radomir')).toBe(Infinity);
    expect(typingSlipCost('radomir', '')).toBe(Infinity);
  });

  it('is symmetric, zero for a word and itself, and never below the number of differing positions allows', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abdeilmnorsuy'), minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const cost = typingSlipCost(a, b);
        return cost === typingSlipCost(b, a) && typingSlipCost(a, a) === 0 && (a === b || cost >= 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('withinTwoTypingSlips', () => {
  it('takes two slips, or one and a stray letter where allowed, but not two stray letters nor another changed letter', () => {
    expect(withinTwoTypingSlips('storozhuk', 'stoeozhuj', true)).toBe(true);
    expect(withinTwoTypingSlips('niewiadomski', 'niewiodomki', true)).toBe(true);
    expect(withinTwoTypingSlips('leonidovna', 'leonovna', true)).toBe(false);
    expect(withinTwoTypingSlips('denisova', 'danilova', true)).toBe(false);
    expect(withinTwoTypingSlips('abeiku', 'abaikv', true)).toBe(true);
    expect(withinTwoTypingSlips('abeiku', 'abaikv', false)).toBe(false);
  });

  it('takes no stray letter when not allowed: Zaur / Zahir and Agafia / Agata are two names', () => {
    expect(withinTwoTypingSlips('odin', 'odlh', false)).toBe(true);
    expect(withinTwoTypingSlips('nugud', 'nvguf', false)).toBe(true);
    expect(withinTwoTypingSlips('zaur', 'zahir', false)).toBe(false);
    expect(withinTwoTypingSlips('agafia', 'agata', false)).toBe(false);
    expect(withinTwoTypingSlips('agafia', 'agata', true)).toBe(true);
  });

  it('takes no more than two letters more or less', () => {
    expect(withinTwoTypingSlips('anna', 'annnnna', true)).toBe(false);
  });
});

describe('typing slips on a Cyrillic keyboard', () => {
  it.each([
    // Є typed as Е, в for its neighbour а
    ['євпак', 'еапак', 2],
    // і typed as и, в for а
    ['юріївна', 'юриїана', 2],
    // a soft sign left out is one slip, another letter left out a stray one
    ['марьяна', 'маряна', 1],
    ['марина', 'марна', 1.5],
    // a Russian ы where the Ukrainian layout has і
    ['іван', 'ыван', 1],
  ])('%s / %s: %s', (a, b, cost) => {
    expect(typingSlipCost(a, b, CYRILLIC_SLIPS)).toBe(cost);
    expect(typingSlipCost(b, a, CYRILLIC_SLIPS)).toBe(cost);
  });

  it('keeps the first letter unless the two are one letter under two spellings', () => {
    expect(typingSlipCost('корнелій', 'лорнелій', CYRILLIC_SLIPS)).toBe(Infinity);
    expect(withinTwoTypingSlips('євпак', 'еапак', false, CYRILLIC_SLIPS)).toBe(true);
    // Latin letters know nothing of Cyrillic keys
    expect(withinTwoTypingSlips('євпак', 'еапак', false)).toBe(false);
  });

  it('is symmetric, and zero only for a word and itself', () => {
    const word = fc.string({ unit: fc.constantFrom(...'авеиіїєоьнркл'), minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const cost = typingSlipCost(a, b, CYRILLIC_SLIPS);
        return cost === typingSlipCost(b, a, CYRILLIC_SLIPS) && (cost === 0) === (a === b);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sameFirstLetter', () => {
  it.each([
    ['anna', 'anne', true],
    ['yermanou', 'germanou', true],
    ['yakub', 'jakub', true],
    ['melodie', 'elodie', false],
    ['', 'anna', false],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(sameFirstLetter(a, b)).toBe(expected);
    expect(sameFirstLetter(b, a)).toBe(expected);
  });

  it('reads twins in the table it is given', () => {
    expect(sameFirstLetter('євпак', 'евпак', CYRILLIC_SLIPS)).toBe(true);
    expect(sameFirstLetter('євпак', 'евпак')).toBe(false);
  });
});
