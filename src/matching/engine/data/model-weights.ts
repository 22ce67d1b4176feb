/**
 * The pair model's log-likelihood weights: each is the log of how much more often the evidence is
 * seen for two records of one person than for two records of different people, given the rest.
 * A score is 1 / (1 + e^-(prior + Σ weights)).
 *
 * Estimated by `npm run --silent bench:fit` (logistic regression on the labelled development sets
 * in bench/datasets/, see docs/benchmarks.md): the prior is the intercept of the records sets, whose
 * share of true pairs among blocked candidates is the real one, so a score reads as a probability.
 * Paternal and mother's names and reciprocity have no labelled data yet: their weights are set by
 * hand relative to the fitted ones.
 */
export const MODEL_WEIGHTS = {
  prior: -4,
  /** per aligned pair of the person's own name tokens, by how they agree */
  token: { exact: 3.0, equivalent: 2.6, skeleton: 2.2, phonetic: 1.8, nickname: 1.5, typo: 1.2, prefix: 0.8 },
  /** per own token of the shorter name that found no partner */
  unmatchedOwnToken: -1.2,
  /** per own token the longer name has beyond the shorter one's length (a name left out) */
  extraOwnToken: -0.3,
  /** a parent's name tokens count this share of an own token's weight */
  parentTokenFactor: 1,
  birth: { same_day: 3, overlap_month: 2, overlap_year: 1, overlap_wide: 0.3, near: -0.5, far: -3 },
  sex: { agree: 0.3, disagree: -4 },
  place: { agree: 1.2, same_country: 0.7, other_country: -0.7, other_place: -0.3 },
  reciprocity: 3,
} as const;
