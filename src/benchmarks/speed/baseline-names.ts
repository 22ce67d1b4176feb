import { normaliseName } from '../../matching/engine/normalise-name.js';

/**
 * The one name string a baseline (fuse.js, pg_trgm) gets for a record: the engine's normalised
 * Latin tokens of every name variant the record carries, in the order recorded, each once. So the
 * baselines see the same names as the engine, already transliterated; the service stores none of it.
 */
export function baselineName(names: ReadonlyArray<{ value: string }>): string {
  const tokens: string[] = [];
  for (const name of names) {
    for (const { token } of normaliseName(name.value).tokens) if (!tokens.includes(token)) tokens.push(token);
  }
  return tokens.join(' ');
}
