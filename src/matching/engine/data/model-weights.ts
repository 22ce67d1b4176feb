/**
 * The pair model's log-likelihood weights: each is the log of how much more often the evidence is
 * seen for two records of one person than for two records of different people, given the rest.
 * A score is 1 / (1 + e^-(prior + Σ weights)).
 *
 * Estimated by `npm run --silent bench:fit` on the labelled development sets in bench/datasets/
 * (see docs/benchmarks.md and docs/decisions/0007): birth date, sex and place as Fellegi-Sunter
 * log(m/u) from the records sets' blocked candidates, then the prior and the name weights by
 * logistic regression on the labelled pairs and the same candidates, the pairs weighing 35 % of
 * the total (`--pairs-share 0.35`).
 * Paternal and mother's names and reciprocity have no labelled data yet: their weights are set by
 * hand relative to the fitted ones.
 */
export const MODEL_WEIGHTS = {
  prior: 4.64,
  /**
   * Per aligned pair of the person's own name tokens, by how they agree. Read them against
   * `unmatchedOwnToken`, what the same token costs when it finds no partner: an exact agreement is
   * worth 6.02 more than a conflict, a typo (one slip) 4.48 more, two slips (`near`) 1.3 more.
   * They are below zero because the prior already assumes the names agree (blocking proposed the pair).
   */
  token: {
    exact: -0.27,
    equivalent: -0.79,
    skeleton: -0.75,
    phonetic: -2.14,
    nickname: -2.24,
    typo: -1.81,
    near: -4.99,
    prefix: -2.16,
    joined: 0.32,
  },
  /** per own token of the shorter name that found no partner: two different names in one place */
  unmatchedOwnToken: -6.29,
  /** per own token the longer name has beyond the shorter one's length (a name left out) */
  extraOwnToken: -2.79,
  /**
   * A parent's name token counts this share of what the same agreement of an own token gains over
   * a conflict; a parent's name that does not agree costs nothing (often recorded differently).
   */
  parentTokenFactor: 0.5,
  /** Fellegi-Sunter log(m/u) from the records sets, capped at ±6 (see bench-fit) */
  birth: { same_day: 6, overlap_month: 4.15, overlap_year: 4.14, overlap_wide: 0.3, near: 0.93, far: -6 },
  sex: { agree: 0.48, disagree: -6 },
  /** same_country and other_country have no labelled data yet (the records sets give place names only) */
  place: { agree: 1.08, same_country: 0.7, other_country: -0.7, other_place: -2.34 },
  reciprocity: 3,
} as const;
