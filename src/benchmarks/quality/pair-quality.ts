import type { PersonForMatching } from '../../matching/engine/person-for-matching.js';
import { scorePair, type PairScore } from '../../matching/engine/score-pair.js';
import { atThreshold, averagePrecision, bestF1, expectedCalibrationError, type ScoredLabel } from './classification-metrics.js';
import type { LabelledPair } from './labelled-files.js';

export interface QualityFigures {
  pairs: number;
  precision: number;
  recall: number;
  f1: number;
  threshold: number;
  bestF1: number;
  bestThreshold: number;
  prAuc: number;
  ece: number;
}

/** A full name as an officer recorded it, and nothing else: every other field is unknown. */
function nameOnly(id: string, name: string): PersonForMatching {
  return { id, role: 'sought', names: [{ value: name, part: 'full' }], sex: 'unknown', birth: null };
}

/** The engine's full result for a labelled pair of names. */
export function scoreNames(pair: LabelledPair): PairScore {
  return scorePair(nameOnly('a', pair.nameA), nameOnly('b', pair.nameB));
}

export function scoreLabelledPair(pair: LabelledPair): ScoredLabel {
  return { score: scoreNames(pair).score, same: pair.same };
}

export function qualityFigures(scored: readonly ScoredLabel[], threshold: number): QualityFigures {
  const at = atThreshold(scored, threshold);
  const best = bestF1(scored);
  return {
    pairs: scored.length,
    ...at,
    threshold,
    bestF1: best.f1,
    bestThreshold: best.threshold,
    prAuc: averagePrecision(scored),
    ece: expectedCalibrationError(scored),
  };
}

/** Figures over all pairs, and per category when the file has one. */
export function pairQuality(
  pairs: readonly LabelledPair[],
  threshold: number,
): QualityFigures & { byCategory?: Record<string, QualityFigures> } {
  const scored = pairs.map((pair) => ({ pair, ...scoreLabelledPair(pair) }));
  const overall = qualityFigures(scored, threshold);
  const categories = [...new Set(pairs.flatMap((p) => (p.category ? [p.category] : [])))].sort();
  if (categories.length === 0) return overall;
  const byCategory = Object.fromEntries(
    categories.map((category) => [
      category,
      qualityFigures(
        scored.filter((s) => s.pair.category === category),
        threshold,
      ),
    ]),
  );
  return { ...overall, byCategory };
}
