import { seededRandom } from './seeded-random.js';
import { addTypo } from './typos.js';

describe('typos', () => {
  it('changes one word of four letters or more, never its first letter', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 500; i += 1) {
      const typo = addTypo('Al Mohammed Ali', random);
      const words = typo.split(' ');
      expect(words[0]).toBe('Al');
      expect(words[2]).toBe('Ali');
      expect(words[1]).not.toBe('Mohammed');
      expect(words[1][0]).toBe('M');
      expect(Math.abs(words[1].length - 'Mohammed'.length)).toBeLessThanOrEqual(1);
    }
  });

  it('leaves names without a long Latin word as they are', () => {
    const random = seededRandom(2);
    expect(addTypo('Ali Bah', random)).toBe('Ali Bah');
    expect(addTypo('محمد علي', random)).toBe('محمد علي');
  });

  it('handles Latin letters with diacritics', () => {
    expect(addTypo('Nguyễn', seededRandom(3))).not.toBe('Nguyễn');
  });
});
