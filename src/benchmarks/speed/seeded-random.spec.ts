import { mix32, seededRandom, seededUuid } from './seeded-random.js';

describe('seeded randomness', () => {
  it('repeats a stream for the same seed and differs for another', () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (() => {
          const r = seededRandom(seed, 3);
          return () => r.next();
        })(),
      );
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('draws floats in [0, 1) and integers within bounds, both ends reached', () => {
    const random = seededRandom(42);
    const ints = new Set<number>();
    for (let i = 0; i < 5000; i += 1) {
      const x = random.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      ints.add(random.int(3, 7));
    }
    expect([...ints].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('hashes integers, large ones included, to 32-bit values that depend on every input', () => {
    expect(mix32(1, 2)).not.toBe(mix32(2, 1));
    expect(mix32(2 ** 40)).not.toBe(mix32(0));
    expect(mix32(5)).toBeLessThan(2 ** 32);
  });

  it('gives distinct ids to 225,000 (group, member, kind) combinations', () => {
    // Four words hashed from one 32-bit state would collide about 6 times here (birthday bound).
    const ids = new Set<string>();
    for (let group = 0; group < 25_000; group += 1) {
      for (let member = 0; member < 3; member += 1) {
        for (let kind = 1; kind <= 3; kind += 1) ids.add(seededUuid(1, group, member, kind));
      }
    }
    expect(ids.size).toBe(225_000);
  });

  it('makes version-4-shaped UUIDs, the same for the same parts', () => {
    expect(seededUuid(1, 2, 3)).toBe(seededUuid(1, 2, 3));
    expect(seededUuid(1, 2, 3)).not.toBe(seededUuid(1, 2, 4));
    expect(seededUuid(9, 9)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
