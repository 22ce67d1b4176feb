import { fitLogistic, sigmoid } from './logistic-regression.js';

/** A deterministic stream in 0..1, so the test data is the same on every run. */
function stream(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('fitLogistic', () => {
  it('recovers the weights that generated the labels', () => {
    const random = stream(7);
    const truth = [-1.5, 2, -0.8];
    const rows: number[][] = [];
    const labels: boolean[] = [];
    for (let i = 0; i < 20_000; i += 1) {
      const row = [1, random() < 0.5 ? 1 : 0, random() * 3];
      rows.push(row);
      labels.push(random() < sigmoid(truth[0] + truth[1] * row[1] + truth[2] * row[2]));
    }
    const fitted = fitLogistic(rows, labels, { l2: 1e-6 });
    fitted.forEach((weight, i) => expect(weight).toBeCloseTo(truth[i], 0));
    expect(Math.abs(fitted[1] - truth[1])).toBeLessThan(0.15);
  });

  it('holds fixed weights where they are and fits the rest around them', () => {
    const rows = [
      [1, 1],
      [1, 1],
      [1, 0],
      [1, 0],
    ];
    const fitted = fitLogistic(rows, [true, true, true, false], { l2: 0, fixed: new Map([[0, -1]]) });
    expect(fitted[0]).toBe(-1);
    expect(fitted[1]).toBeGreaterThan(1);
  });

  it('keeps weights finite when a feature separates the classes, and leaves unused features at 0', () => {
    const rows = [
      [1, 1, 0],
      [1, 1, 0],
      [1, 0, 0],
      [1, 0, 0],
    ];
    const fitted = fitLogistic(rows, [true, true, false, false], { l2: 1, unpenalised: new Set([0]) });
    expect(fitted.every(Number.isFinite)).toBe(true);
    expect(fitted[1]).toBeGreaterThan(0);
    expect(fitted[2]).toBe(0);
  });
});
