import { evidenceRows } from './evidence-rows.js';

describe('evidenceRows', () => {
  it('aligns the matched name parts with how they matched, and says which way each outcome speaks', () => {
    const rows = evidenceRows([
      {
        field: 'names',
        outcome: 'agree',
        weight: 4.2,
        matches: [{ a: 'omar', b: 'umar', agreement: 'equivalent' }],
        unmatched: 0,
        extra: 0,
      },
      { field: 'birth_date', outcome: 'far', weight: -6, birth: { agreement: 'far', gapDays: 900, narrowestDays: 365 } },
      { field: 'sex', outcome: 'unknown', weight: 0 },
    ]);
    expect(rows).toEqual([
      {
        field: 'names',
        outcome: 'agree',
        weight: 4.2,
        parts: [{ a: 'omar', b: 'umar', agreement: 'equivalent' }],
        unmatched: 0,
        direction: 'for',
      },
      { field: 'birth_date', outcome: 'far', weight: -6, parts: [], unmatched: 0, direction: 'against' },
      { field: 'sex', outcome: 'unknown', weight: 0, parts: [], unmatched: 0, direction: 'neutral' },
    ]);
  });

  it('reads nothing from an explanation that is not a list, and skips entries that are not objects', () => {
    expect(evidenceRows(null)).toEqual([]);
    expect(evidenceRows({ field: 'names' })).toEqual([]);
    expect(evidenceRows([7, 'x', { field: 'sex', outcome: 'agree', weight: 'heavy' }])).toEqual([
      { field: 'sex', outcome: 'agree', weight: 0, parts: [], unmatched: 0, direction: 'for' },
    ]);
  });
});
