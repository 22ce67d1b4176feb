import fc from 'fast-check';
import { BirthDateProblem, deriveBirthRange } from './derive-birth-range.js';

const today = { year: 2026, month: 11, day: 26 };

describe('deriveBirthRange', () => {
  it('gives nothing for an unknown birth date', () => {
    expect(deriveBirthRange({ kind: 'unknown' }, today)).toBeNull();
  });

  it('turns an exact date into a one-day range', () => {
    expect(deriveBirthRange({ kind: 'exact', calendar: 'gregorian', date: '1990-03-04' }, today)).toEqual({
      earliest: '1990-03-04',
      latest: '1990-03-04',
    });
  });

  it('turns an Ethiopian year into the Gregorian days it spans', () => {
    expect(deriveBirthRange({ kind: 'year', calendar: 'ethiopian', year: 1990 }, today)).toEqual({
      earliest: '1997-09-11',
      latest: '1998-09-10',
    });
  });

  it('turns a Solar Hijri year into the Gregorian days it spans', () => {
    expect(deriveBirthRange({ kind: 'year', calendar: 'solar_hijri', year: 1370 }, today)).toEqual({
      earliest: '1991-03-21',
      latest: '1992-03-20',
    });
  });

  it('expands partial range bounds to whole months and years', () => {
    expect(deriveBirthRange({ kind: 'range', from: '1985', to: '1987-02' }, today)).toEqual({
      earliest: '1985-01-01',
      latest: '1987-02-28',
    });
  });

  it('reads an age at a known date as a one-year window', () => {
    expect(deriveBirthRange({ kind: 'age_at', age: 30, ageAt: '2020-06-15' }, today)).toEqual({
      earliest: '1989-06-16',
      latest: '1990-06-15',
    });
  });

  it('rejects a range that ends before it starts, naming the field', () => {
    expect(() => deriveBirthRange({ kind: 'range', from: '1990', to: '1989' }, today)).toThrow(expect.objectContaining({ field: 'to' }));
  });

  it('rejects a date that its calendar does not have', () => {
    expect(() => deriveBirthRange({ kind: 'exact', date: '1990-02-30' }, today)).toThrow(BirthDateProblem);
    expect(() => deriveBirthRange({ kind: 'exact', calendar: 'ethiopian', date: '1990-14-01' }, today)).toThrow(BirthDateProblem);
  });

  it('rejects a year its calendar’s conversion does not cover, as a client error', () => {
    expect(() => deriveBirthRange({ kind: 'year', calendar: 'solar_hijri', year: 9999 }, today)).toThrow(BirthDateProblem);
    expect(() => deriveBirthRange({ kind: 'range', calendar: 'solar_hijri', from: '9000', to: '9999' }, today)).toThrow(BirthDateProblem);
  });

  it('rejects a birth in the future', () => {
    expect(() => deriveBirthRange({ kind: 'exact', date: '2030-01-01' }, today)).toThrow(BirthDateProblem);
  });

  it('always yields earliest <= latest <= today for any valid range', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('gregorian', 'ethiopian', 'solar_hijri' as const),
        fc.integer({ min: 1300, max: 1390 }),
        fc.integer({ min: 0, max: 30 }),
        (calendar, year, span) => {
          const range = deriveBirthRange({ kind: 'range', calendar, from: String(year), to: String(year + span) }, today);
          expect(range).not.toBeNull();
          expect(range!.earliest <= range!.latest).toBe(true);
          expect(range!.latest <= '2026-11-26').toBe(true);
        },
      ),
    );
  });

  it('never accepts garbage as a date', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/^\d{4}-\d{2}-\d{2}$/.test(text));
        expect(() => deriveBirthRange({ kind: 'exact', date: text }, today)).toThrow(BirthDateProblem);
      }),
    );
  });
});
