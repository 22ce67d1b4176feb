import { Prng } from './prng.js';

describe('Prng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (p) => () =>
            p.next()
        )(new Prng(seed)),
      );
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays in its bounds', () => {
    const prng = new Prng(7);
    for (let i = 0; i < 1000; i++) {
      const value = prng.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      expect(prng.between(3, 5)).toBeGreaterThanOrEqual(3);
      expect(prng.int(4)).toBeLessThan(4);
    }
  });

  it('forks independent, reproducible streams by label', () => {
    const a = new Prng(1).fork('typo');
    const b = new Prng(1).fork('typo');
    const c = new Prng(1).fork('nickname');
    const first = [a.next(), a.next()];
    expect([b.next(), b.next()]).toEqual(first);
    expect([c.next(), c.next()]).not.toEqual(first);
  });

  it('shuffles to a permutation and picks by weight', () => {
    const prng = new Prng(3);
    expect(prng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    const counts = { heavy: 0, light: 0 };
    for (let i = 0; i < 2000; i++) counts[prng.pickWeighted(['heavy', 'light'] as const, (k) => (k === 'heavy' ? 9 : 1))]++;
    expect(counts.heavy).toBeGreaterThan(counts.light * 5);
  });
});
