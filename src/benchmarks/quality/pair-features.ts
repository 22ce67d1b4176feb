import { MODEL_WEIGHTS } from '../../matching/engine/data/model-weights.js';
import type { PairScore } from '../../matching/engine/score-pair.js';

/**
 * The pair model's fitted features, in the order of the weight vector. One prior serves both kinds
 * of data: labelled pairs (names only, balanced by construction) and the records sets' blocked
 * candidates (every field, true pairs at their real rate). `source:records` marks the latter only
 * so that the fit can tell them apart; it is never part of the model.
 */
const TOKENS = Object.keys(MODEL_WEIGHTS.token) as (keyof typeof MODEL_WEIGHTS.token)[];
const BIRTH = Object.keys(MODEL_WEIGHTS.birth) as (keyof typeof MODEL_WEIGHTS.birth)[];
const SEX = Object.keys(MODEL_WEIGHTS.sex) as (keyof typeof MODEL_WEIGHTS.sex)[];
const PLACE = Object.keys(MODEL_WEIGHTS.place) as (keyof typeof MODEL_WEIGHTS.place)[];

export const FEATURES = [
  'prior',
  'source:records',
  ...TOKENS.map((t) => `token:${t}`),
  'unmatchedOwnToken',
  'extraOwnToken',
  ...BIRTH.map((b) => `birth:${b}`),
  ...SEX.map((s) => `sex:${s}`),
  ...PLACE.map((p) => `place:${p}`),
] as const;

export const PRIOR_FEATURES: ReadonlySet<number> = new Set([0]);
export const RECORDS_MARK = 1;

/** The feature row of a scored pair: token agreements counted, other fields one-hot by outcome. */
export function pairFeatures(result: PairScore, source: 'records' | 'pairs'): number[] {
  const row = new Map<string, number>([['prior', 1]]);
  if (source === 'records') row.set('source:records', 1);
  const add = (name: string, value = 1) => row.set(name, (row.get(name) ?? 0) + value);
  for (const evidence of result.evidence) {
    if (evidence.field === 'names') {
      // A repeated match weighs as an exact one (score-pair's markRepeats).
      for (const match of evidence.matches ?? []) add(`token:${match.repeated ? 'exact' : match.agreement}`);
      add('unmatchedOwnToken', evidence.unmatched ?? 0);
      add('extraOwnToken', evidence.extra ?? 0);
    } else if (evidence.field === 'birth_date' || evidence.field === 'sex' || evidence.field === 'place_of_birth') {
      if (evidence.outcome !== 'unknown')
        add(`${evidence.field === 'birth_date' ? 'birth' : evidence.field === 'place_of_birth' ? 'place' : 'sex'}:${evidence.outcome}`);
    }
  }
  return FEATURES.map((name) => row.get(name) ?? 0);
}

/**
 * The fitted weight vector in the shape of MODEL_WEIGHTS. Hand-set parts, and features no example
 * carried (`support` 0), keep their current weights: no data is no reason to change them.
 */
export function asModelWeights(weights: readonly number[], support: readonly number[]): typeof MODEL_WEIGHTS {
  const current = new Map<string, number>([
    ...Object.entries(MODEL_WEIGHTS.token).map(([k, v]) => [`token:${k}`, v] as const),
    ...Object.entries(MODEL_WEIGHTS.birth).map(([k, v]) => [`birth:${k}`, v] as const),
    ...Object.entries(MODEL_WEIGHTS.sex).map(([k, v]) => [`sex:${k}`, v] as const),
    ...Object.entries(MODEL_WEIGHTS.place).map(([k, v]) => [`place:${k}`, v] as const),
  ]);
  const w = (name: string) => {
    const index = FEATURES.indexOf(name as never);
    return support[index] === 0 ? (current.get(name) ?? 0) : Number(weights[index].toFixed(2));
  };
  const pick = <K extends string>(keys: readonly K[], prefix: string) =>
    Object.fromEntries(keys.map((k) => [k, w(`${prefix}:${k}`)])) as Record<K, number>;
  return {
    ...MODEL_WEIGHTS,
    prior: w('prior'),
    token: pick(TOKENS, 'token'),
    unmatchedOwnToken: w('unmatchedOwnToken'),
    extraOwnToken: w('extraOwnToken'),
    birth: pick(BIRTH, 'birth'),
    sex: pick(SEX, 'sex'),
    place: pick(PLACE, 'place'),
  } as typeof MODEL_WEIGHTS;
}
