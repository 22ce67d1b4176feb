import { pooledRecall } from './recall.js';

describe('pooled top-10 recall', () => {
  it('counts true matches found among the first ten over all true matches', () => {
    const ranked = Array.from({ length: 12 }, (_, i) => `p${i}`);
    expect(
      pooledRecall([
        { ranked, trueMatchIds: ['p0', 'p11'] },
        { ranked: ['x'], trueMatchIds: ['y'] },
        { ranked: ['a', 'b'], trueMatchIds: ['b'] },
      ]),
    ).toBeCloseTo(2 / 4);
  });

  it('is not a number without any true match', () => {
    expect(pooledRecall([])).toBeNaN();
  });
});
