import fc from 'fast-check';
import { daysInMonth, isValidCalendarDate, toGregorian } from './calendars.js';

describe('toGregorian', () => {
  it.each([
    // Ethiopian new year falls on 11 September, or 12 September before a Gregorian leap year
    [
      { year: 2016, month: 1, day: 1 },
      { year: 2023, month: 9, day: 12 },
    ],
    [
      { year: 2017, month: 1, day: 1 },
      { year: 2024, month: 9, day: 11 },
    ],
    // Ethiopian Christmas, 29 Tahsas, is 7 January (8 January in a year whose Pagume had 6 days)
    [
      { year: 2016, month: 4, day: 28 },
      { year: 2024, month: 1, day: 7 },
    ],
    [
      { year: 2015, month: 13, day: 6 },
      { year: 2023, month: 9, day: 11 },
    ],
  ])('converts the Ethiopian date %o', (ethiopian, gregorian) => {
    expect(toGregorian('ethiopian', ethiopian)).toEqual(gregorian);
  });

  it.each([
    // Nowruz: 1 Farvardin
    [
      { year: 1403, month: 1, day: 1 },
      { year: 2024, month: 3, day: 20 },
    ],
    [
      { year: 1402, month: 1, day: 1 },
      { year: 2023, month: 3, day: 21 },
    ],
    [
      { year: 1360, month: 6, day: 31 },
      { year: 1981, month: 9, day: 22 },
    ],
  ])('converts the Solar Hijri date %o', (solar, gregorian) => {
    expect(toGregorian('solar_hijri', solar)).toEqual(gregorian);
  });

  it('keeps consecutive Ethiopian days consecutive in the Gregorian calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 13 }), (year, month) => {
        const last = daysInMonth('ethiopian', year, month);
        const a = toGregorian('ethiopian', { year, month, day: 1 });
        const b = toGregorian('ethiopian', { year, month, day: last });
        const days = (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000;
        expect(days).toBe(last - 1);
      }),
    );
  });
});

describe('isValidCalendarDate', () => {
  it('knows each calendar’s month lengths', () => {
    expect(isValidCalendarDate('gregorian', { year: 2023, month: 2, day: 29 })).toBe(false);
    expect(isValidCalendarDate('gregorian', { year: 2024, month: 2, day: 29 })).toBe(true);
    expect(isValidCalendarDate('ethiopian', { year: 2015, month: 13, day: 6 })).toBe(true);
    expect(isValidCalendarDate('ethiopian', { year: 2016, month: 13, day: 6 })).toBe(false);
    expect(isValidCalendarDate('solar_hijri', { year: 1402, month: 1, day: 31 })).toBe(true);
    expect(isValidCalendarDate('solar_hijri', { year: 1402, month: 7, day: 31 })).toBe(false);
    expect(isValidCalendarDate('gregorian', { year: 2024, month: 13, day: 1 })).toBe(false);
  });
});
