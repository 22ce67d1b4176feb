import fc from 'fast-check';
import { compareBirthRanges } from './compare-birth-dates.js';

const exact = (iso: string) => ({ earliest: iso, latest: iso });

describe('compareBirthRanges', () => {
  it('treats a missing birth date as no evidence', () => {
    expect(compareBirthRanges(null, exact('1990-01-01')).agreement).toBe('unknown');
    expect(compareBirthRanges(null, null).agreement).toBe('unknown');
  });

  it('tells the same day, an overlap, a near miss and a far miss apart', () => {
    expect(compareBirthRanges(exact('1990-03-04'), exact('1990-03-04')).agreement).toBe('same_day');
    expect(compareBirthRanges(exact('1990-03-04'), { earliest: '1990-01-01', latest: '1990-12-31' })).toEqual({
      agreement: 'overlap',
      gapDays: 0,
      narrowestDays: 1,
      widestDays: 365,
    });
    expect(compareBirthRanges(exact('1990-03-04'), exact('1991-03-04'))).toMatchObject({ agreement: 'near', gapDays: 365 });
    expect(compareBirthRanges(exact('1970-01-01'), exact('1990-01-01')).agreement).toBe('far');
  });

  it('is symmetric', () => {
    const range = fc.tuple(fc.integer({ min: 0, max: 30000 }), fc.integer({ min: 0, max: 4000 })).map(([start, width]) => ({
      earliest: new Date(Date.UTC(1930, 0, 1 + start)).toISOString().slice(0, 10),
      latest: new Date(Date.UTC(1930, 0, 1 + start + width)).toISOString().slice(0, 10),
    }));
    fc.assert(fc.property(range, range, (a, b) => expect(compareBirthRanges(a, b)).toEqual(compareBirthRanges(b, a))));
  });
});

describe('compareBirthRanges: boundaries', () => {
  const range = (earliest: string, latest: string) => ({ earliest, latest });

  it('calls a gap of up to 730 days near, and more far', () => {
    expect(compareBirthRanges(exact('1990-01-01'), exact('1992-01-01'))).toMatchObject({ agreement: 'near', gapDays: 730 });
    expect(compareBirthRanges(exact('1992-01-02'), exact('1990-01-01'))).toMatchObject({ agreement: 'far', gapDays: 731 });
  });

  it('calls it the same day only when both dates are exact', () => {
    expect(compareBirthRanges(range('1990-01-01', '1990-01-11'), exact('1990-01-01'))).toEqual({
      agreement: 'overlap',
      gapDays: 0,
      narrowestDays: 1,
      widestDays: 11,
    });
    expect(compareBirthRanges(exact('1990-01-01'), range('1990-01-01', '1990-01-11')).agreement).toBe('overlap');
    expect(compareBirthRanges(range('1990-01-01', '1990-01-11'), range('1990-01-01', '1990-01-21'))).toEqual({
      agreement: 'overlap',
      gapDays: 0,
      narrowestDays: 11,
      widestDays: 21,
    });
  });
});
