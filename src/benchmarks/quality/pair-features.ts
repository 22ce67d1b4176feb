import { MODEL_WEIGHTS } from '../../matching/engine/data/model-weights.js';
import type { PairScore } from '../../matching/engine/score-pair.js';

/**
 * The pair model's fitted features, in the order of the weight vector. The two intercepts are the
 * prior of each kind of data: labelled pairs are balanced by construction, while the records sets'
 * blocked candidates hold true pairs at their real rate, so only the latter's intercept is the
 * service's prior (sampling by label moves the intercept only).
 */
const TOKENS = Object.keys(MODEL_WEIGHTS.token) as (keyof typeof MODEL_WEIGHTS.token)[];
const BIRTH = Object.keys(MODEL_WEIGHTS.birth) as (keyof typeof MODEL_WEIGHTS.birth)[];
const SEX = Object.keys(MODEL_WEIGHTS.sex) as (keyof typeof MODEL_WEIGHTS.sex)[];
const PLACE = Object.keys(MODEL_WEIGHTS.place) as (keyof typeof MODEL_WEIGHTS.place)[];

export const FEATURES = [
  'prior:records',
  'prior:pairs',
  ...TOKENS.map((t) => `token:${t}`),
  'unmatchedOwnToken',
  'extraOwnToken',
  ...BIRTH.map((b) => `birth:${b}`),
  ...SEX.map((s) => `sex:${s}`),
  ...PLACE.map((p) => `place:${p}`),
] as const;

export const PRIOR_FEATURES: ReadonlySet<number> = new Set([0, 1]);

/** The feature row of a scored pair: token agreements counted, other fields one-hot by outcome. */
export function pairFeatures(result: PairScore, source: 'records' | 'pairs'): number[] {
  const row = new Map<string, number>([[`prior:${source}`, 1]]);
  const add = (name: string, value = 1) => row.set(name, (row.get(name) ?? 0) + value);
  for (const evidence of result.evidence) {
    if (evidence.field === 'names') {
      for (const match of evidence.matches ?? []) add(`token:${match.agreement}`);
      add('unmatchedOwnToken', evidence.unmatched ?? 0);
      add('extraOwnToken', evidence.extra ?? 0);
    } else if (evidence.field === 'birth_date' || evidence.field === 'sex' || evidence.field === 'place_of_birth') {
      if (evidence.outcome !== 'unknown')
        add(`${evidence.field === 'birth_date' ? 'birth' : evidence.field === 'place_of_birth' ? 'place' : 'sex'}:${evidence.outcome}`);
    }
  }
  return FEATURES.map((name) => row.get(name) ?? 0);
}

/** The fitted weight vector in the shape of MODEL_WEIGHTS (hand-set parts kept as they are). */
export function asModelWeights(weights: readonly number[]): typeof MODEL_WEIGHTS {
  const w = (name: string) => Number(weights[FEATURES.indexOf(name as never)].toFixed(2));
  const pick = <K extends string>(keys: readonly K[], prefix: string) =>
    Object.fromEntries(keys.map((k) => [k, w(`${prefix}:${k}`)])) as Record<K, number>;
  return {
    ...MODEL_WEIGHTS,
    prior: w('prior:records'),
    token: pick(TOKENS, 'token'),
    unmatchedOwnToken: w('unmatchedOwnToken'),
    extraOwnToken: w('extraOwnToken'),
    birth: pick(BIRTH, 'birth'),
    sex: pick(SEX, 'sex'),
    place: pick(PLACE, 'place'),
  } as typeof MODEL_WEIGHTS;
}
