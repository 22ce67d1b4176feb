import { seededRandom } from './seeded-random.js';
import { ZipfSampler } from './zipf.js';

describe('Zipf sampler', () => {
  it('draws rank r about (r+1)^-s as often as rank 0', () => {
    const sampler = new ZipfSampler(100, 1);
    const random = seededRandom(1);
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 200_000; i += 1) counts[sampler.sample(random.next())] += 1;
    expect(counts[1] / counts[0]).toBeCloseTo(1 / 2, 1);
    expect(counts[3] / counts[0]).toBeCloseTo(1 / 4, 1);
    expect(counts[0] / 200_000).toBeCloseTo(sampler.shareOfTop(1), 2);
  });

  it('keeps every draw in range, the edges included', () => {
    const sampler = new ZipfSampler(10, 1.2);
    expect(sampler.sample(0)).toBe(0);
    expect(sampler.sample(0.999_999_999)).toBe(9);
    expect(sampler.shareOfTop(10)).toBeCloseTo(1, 10);
    expect(sampler.shareOfTop(0)).toBe(0);
  });

  it('puts more weight on the head as the exponent grows', () => {
    expect(new ZipfSampler(1000, 1.3).shareOfTop(10)).toBeGreaterThan(new ZipfSampler(1000, 0.9).shareOfTop(10));
  });
});
