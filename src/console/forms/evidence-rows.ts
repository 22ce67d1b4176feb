/**
 * The matcher's stored explanation (score-pair.ts `Evidence[]`, kept as JSON on the candidate) in the
 * shape the side-by-side page shows: one row per field with its outcome, and for name fields the
 * aligned name parts with how each pair matched. Read defensively: rows of older matcher versions
 * may lack fields.
 */
export interface AlignedPart {
  a: string;
  b: string;
  agreement: string;
}

export interface EvidenceRow {
  field: string;
  outcome: string;
  weight: number;
  parts: AlignedPart[];
  unmatched: number;
  /**
   * Whether the field speaks for or against the pair, read from its outcome. Not from the weight:
   * the model's weights are relative to its prior, so an agreeing name can carry a negative one.
   */
  direction: 'for' | 'against' | 'neutral';
}

const FOR = new Set(['agree', 'same_day', 'overlap_month', 'overlap_year', 'same_country']);
const AGAINST = new Set(['disagree', 'far', 'other_country', 'other_place']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export function evidenceRows(explanation: unknown): EvidenceRow[] {
  if (!Array.isArray(explanation)) return [];
  return explanation.filter(isRecord).map((item) => {
    const weight = typeof item.weight === 'number' && Number.isFinite(item.weight) ? item.weight : 0;
    const parts = (Array.isArray(item.matches) ? item.matches : [])
      .filter(isRecord)
      .map((m) => ({ a: str(m.a), b: str(m.b), agreement: str(m.agreement) }));
    return {
      field: str(item.field),
      outcome: str(item.outcome),
      weight,
      parts,
      unmatched: typeof item.unmatched === 'number' ? item.unmatched : 0,
      direction: FOR.has(str(item.outcome)) ? 'for' : AGAINST.has(str(item.outcome)) ? 'against' : 'neutral',
    };
  });
}
