/**
 * Deterministic randomness for the speed benchmark's generator. Every group of records draws from
 * a stream of its own (seeded from the benchmark seed and the group's index), so any group can be
 * generated again on its own: the query records and the re-score sample need no second pass over
 * a million records.
 */

/** A 32-bit hash of a few integers (murmur3-style mixing); the same inputs always give the same output. */
export function mix32(...values: readonly number[]): number {
  let h = 0x9e3779b9 ^ values.length;
  for (const value of values) {
    let k = Math.imul(value | 0, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
    // Values above 2^32 (large indexes times a stride) keep their high part too.
    const high = Math.floor(value / 0x1_0000_0000);
    if (high !== 0) h ^= Math.imul(high, 0x27d4eb2f);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface Random {
  /** a float in [0, 1) */
  next(): number;
  /** an integer in [min, max], both included */
  int(min: number, max: number): number;
  /** true with the given probability */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/**
 * sfc32 (Small Fast Counting generator), seeded through mix32 so that nearby seeds diverge at once.
 * Each state word hashes the seed along a chain of its own (the word's number first): words taken
 * from one chain would share its 32-bit state, and a million groups would then meet identical streams.
 */
export function seededRandom(...seed: readonly number[]): Random {
  let a = mix32(1, ...seed);
  let b = mix32(2, ...seed);
  let c = mix32(3, ...seed);
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('cannot pick from an empty list');
      return items[int(0, items.length - 1)];
    },
  };
}

const hex8 = (value: number): string => value.toString(16).padStart(8, '0');

/**
 * A version-4-shaped UUID derived from integers: random-looking (as the service's ids are), yet
 * reproducible. Four independent hash chains (see seededRandom), so ids collide as rarely as 122
 * random bits would, not as 32 would.
 */
export function seededUuid(...parts: readonly number[]): string {
  const hex = [0, 1, 2, 3].map((word) => hex8(mix32(word, ...parts))).join('');
  const variant = '89ab'[parseInt(hex[16], 16) % 4];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
