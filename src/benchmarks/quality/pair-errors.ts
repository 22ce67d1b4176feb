import type { LabelledPair } from './labelled-files.js';
import { scoreNames } from './pair-quality.js';

/**
 * The pairs of one category that the threshold puts on the wrong side, one line each with how
 * their tokens met: what a reader needs to tell a rule the engine lacks from a pair no rule can settle.
 */
export function pairErrors(pairs: readonly LabelledPair[], threshold: number, category: string): string[] {
  const lines: string[] = [];
  for (const pair of pairs) {
    if (pair.category !== category) continue;
    const { score, evidence } = scoreNames(pair);
    if (score >= threshold === pair.same) continue;
    const names = evidence.find((e) => e.field === 'names');
    const matches = (names?.matches ?? []).map((m) => `${m.a}~${m.b}:${m.agreement}${m.repeated ? '(repeated)' : ''}`).join(' ');
    const label = pair.same ? 'FN' : 'FP';
    lines.push(
      `${label} ${score.toFixed(3)} | ${pair.nameA} | ${pair.nameB} | ${matches} unmatched=${names?.unmatched ?? 0} extra=${names?.extra ?? 0}`,
    );
  }
  return lines;
}
