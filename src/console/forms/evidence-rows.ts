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
  /** what the row adds to the score: for, against, or nothing */
  direction: 'for' | 'against' | 'neutral';
}

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
      direction: weight > 0.05 ? 'for' : weight < -0.05 ? 'against' : 'neutral',
    };
  });
}
