import { couldBeOneSyllable } from './syllables.js';

describe('couldBeOneSyllable', () => {
  it.each([
    // Vietnamese
    ['ngo', true],
    ['nguyen', true],
    ['thuy', true],
    ['dao', true],
    ['no', true],
    // Mandarin in pinyin
    ['luo', true],
    ['xue', true],
    ['zhang', true],
    // neither
    ['nur', false],
    ['fay', false],
    ['imam', false],
    ['wold', false],
  ])('%s: %s', (token, expected) => {
    expect(couldBeOneSyllable(token)).toBe(expected);
  });
});
