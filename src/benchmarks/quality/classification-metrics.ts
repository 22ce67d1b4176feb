/** A scored pair and whether it is truly one person. */
export interface ScoredLabel {
  score: number;
  same: boolean;
}

export interface AtThreshold {
  precision: number;
  recall: number;
  f1: number;
}

const f1Of = (precision: number, recall: number): number =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

/**
 * Precision, recall and F1 when every pair scored at or above `threshold` is proposed.
 * `positives` is the number of true pairs there are, which can exceed those scored (records mode:
 * a true pair blocking never proposed is a miss too).
 */
export function atThreshold(scored: readonly ScoredLabel[], threshold: number, positives = countTrue(scored)): AtThreshold {
  let truePositives = 0;
  let proposed = 0;
  for (const pair of scored) {
    if (pair.score < threshold) continue;
    proposed += 1;
    if (pair.same) truePositives += 1;
  }
  const precision = proposed === 0 ? 0 : truePositives / proposed;
  const recall = positives === 0 ? 0 : truePositives / positives;
  return { precision, recall, f1: f1Of(precision, recall) };
}

function countTrue(scored: readonly ScoredLabel[]): number {
  return scored.reduce((n, pair) => n + (pair.same ? 1 : 0), 0);
}

/** The points of the precision-recall curve, one per distinct score from the highest down. */
function curve(scored: readonly ScoredLabel[], positives: number): { threshold: number; precision: number; recall: number }[] {
  const sorted = [...scored].sort((x, y) => y.score - x.score);
  const points = [];
  let truePositives = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    if (sorted[i].same) truePositives += 1;
    // Pairs tied on a score are proposed together, so a point exists only after the last of them.
    if (i + 1 < sorted.length && sorted[i + 1].score === sorted[i].score) continue;
    points.push({
      threshold: sorted[i].score,
      precision: truePositives / (i + 1),
      recall: positives === 0 ? 0 : truePositives / positives,
    });
  }
  return points;
}

/** The threshold with the best F1 (the highest such threshold when several tie). */
export function bestF1(scored: readonly ScoredLabel[], positives = countTrue(scored)): { f1: number; threshold: number } {
  let best = { f1: 0, threshold: 1 };
  for (const point of curve(scored, positives)) {
    const f1 = f1Of(point.precision, point.recall);
    if (f1 > best.f1) best = { f1, threshold: point.threshold };
  }
  return best;
}

/**
 * Area under the precision-recall curve as average precision: the sum over distinct thresholds of
 * (recall gained) × precision there, as scikit-learn's average_precision_score computes it.
 */
export function averagePrecision(scored: readonly ScoredLabel[], positives = countTrue(scored)): number {
  let previousRecall = 0;
  let area = 0;
  for (const point of curve(scored, positives)) {
    area += (point.recall - previousRecall) * point.precision;
    previousRecall = point.recall;
  }
  return area;
}

/**
 * Expected calibration error over `bins` equal-width bins of the score: the pair-weighted mean gap
 * between a bin's mean score and its share of true pairs. A score of exactly 1 falls in the last bin.
 */
export function expectedCalibrationError(scored: readonly ScoredLabel[], bins = 10): number {
  if (scored.length === 0) return 0;
  const sums = Array.from({ length: bins }, () => ({ count: 0, score: 0, same: 0 }));
  for (const pair of scored) {
    const bin = sums[Math.min(bins - 1, Math.floor(pair.score * bins))];
    bin.count += 1;
    bin.score += pair.score;
    bin.same += pair.same ? 1 : 0;
  }
  return sums.reduce(
    (error, bin) =>
      bin.count === 0 ? error : error + (bin.count / scored.length) * Math.abs(bin.score / bin.count - bin.same / bin.count),
    0,
  );
}
