import fc from 'fast-check';
import { atThreshold, averagePrecision, bestF1, expectedCalibrationError, type ScoredLabel } from './classification-metrics.js';

const pairs = (rows: [number, 0 | 1][]): ScoredLabel[] => rows.map(([score, same]) => ({ score, same: same === 1 }));

describe('classification metrics', () => {
  const sample = pairs([
    [0.9, 1],
    [0.8, 0],
    [0.7, 1],
    [0.4, 1],
    [0.2, 0],
  ]);

  it('counts precision, recall and F1 at a threshold, proposing scores at or above it', () => {
    expect(atThreshold(sample, 0.7)).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 });
    expect(atThreshold(sample, 0.95)).toEqual({ precision: 0, recall: 0, f1: 0 });
    // a true pair that was never scored still counts against recall
    expect(atThreshold(sample, 0.7, 4).recall).toBe(0.5);
  });

  it('computes average precision as scikit-learn does', () => {
    // sklearn.metrics.average_precision_score([1,0,1,1,0], [.9,.8,.7,.4,.2]) = 0.8055...
    expect(averagePrecision(sample)).toBeCloseTo(1 / 3 + (1 / 3) * (2 / 3) + (1 / 3) * (3 / 4), 10);
    expect(
      averagePrecision(
        pairs([
          [0.5, 1],
          [0.5, 0],
        ]),
      ),
    ).toBe(0.5);
  });

  it('finds the best F1 and its threshold', () => {
    const best = bestF1(sample);
    expect(best.threshold).toBe(0.4);
    expect(best.f1).toBeCloseTo(6 / 7, 10);
  });

  it('measures calibration error over ten equal-width bins', () => {
    expect(
      expectedCalibrationError(
        pairs([
          [0.95, 1],
          [0.05, 0],
        ]),
      ),
    ).toBeCloseTo(0.05, 10);
    expect(expectedCalibrationError(pairs([[1, 0]]))).toBe(1);
    // two pairs at 0.5, one true: perfectly calibrated
    expect(
      expectedCalibrationError(
        pairs([
          [0.5, 1],
          [0.55, 0],
        ]),
      ),
    ).toBeCloseTo(0.025, 10);
  });

  it('keeps every figure within 0..1 for any input', () => {
    const scored = fc.array(fc.record({ score: fc.double({ min: 0, max: 1, noNaN: true }), same: fc.boolean() }), { maxLength: 50 });
    fc.assert(
      fc.property(scored, fc.double({ min: 0, max: 1, noNaN: true }), (rows, threshold) => {
        const figures = [
          ...Object.values(atThreshold(rows, threshold)),
          averagePrecision(rows),
          expectedCalibrationError(rows),
          bestF1(rows).f1,
        ];
        return figures.every((x) => x >= 0 && x <= 1 + 1e-12);
      }),
    );
  });
});
