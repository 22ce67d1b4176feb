import type { Calendar } from '../person-vocabulary.js';
import type { BirthDateInput } from './birth-date-input.js';
import {
  addGregorianDays,
  daysInMonth,
  formatIsoDate,
  isValidCalendarDate,
  isYearInRange,
  monthsInYear,
  toGregorian,
  type CalendarDate,
} from './calendars.js';

export interface BirthRange {
  earliest: string;
  latest: string;
}

/** Why an input cannot be turned into a range: a field name and a message without the value. */
export class BirthDateProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function parsePartial(calendar: Calendar, field: string, text: string | undefined, bound: 'first' | 'last'): CalendarDate {
  const match = text === undefined ? null : PARTIAL_DATE.exec(text);
  if (!match) throw new BirthDateProblem(field, `${field} must be YYYY, YYYY-MM or YYYY-MM-DD`);
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : bound === 'first' ? 1 : monthsInYear(calendar);
  const lastDay = month >= 1 && month <= monthsInYear(calendar) && isYearInRange(calendar, year) ? daysInMonth(calendar, year, month) : 0;
  const day = match[3] ? Number(match[3]) : bound === 'first' ? 1 : lastDay;
  const date = { year, month, day };
  if (!isValidCalendarDate(calendar, date)) throw new BirthDateProblem(field, `${field} is not a date of the ${calendar} calendar`);
  return date;
}

function parseFull(calendar: Calendar, field: string, text: string | undefined): CalendarDate {
  if (text === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new BirthDateProblem(field, `${field} must be YYYY-MM-DD`);
  return parsePartial(calendar, field, text, 'first');
}

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Derives the Gregorian range of possible birth dates from what was recorded, whatever its calendar.
 * Returns null for an unknown birth date. `today` bounds the range: nobody is born in the future.
 */
export function deriveBirthRange(input: BirthDateInput, today: CalendarDate): BirthRange | null {
  if (input.kind === 'unknown') return null;
  const calendar = input.calendar ?? 'gregorian';
  let first: CalendarDate;
  let last: CalendarDate;

  switch (input.kind) {
    case 'exact':
      first = last = toGregorian(calendar, parseFull(calendar, 'date', input.date));
      break;
    case 'year': {
      if (input.year === undefined) throw new BirthDateProblem('year', 'year is required for a birth year');
      const year = String(input.year).padStart(4, '0');
      first = toGregorian(calendar, parsePartial(calendar, 'year', year, 'first'));
      last = toGregorian(calendar, parsePartial(calendar, 'year', year, 'last'));
      break;
    }
    case 'range':
      first = toGregorian(calendar, parsePartial(calendar, 'from', input.from, 'first'));
      last = toGregorian(calendar, parsePartial(calendar, 'to', input.to, 'last'));
      if (compare(first, last) > 0) throw new BirthDateProblem('to', 'to must not be before from');
      break;
    case 'age_at': {
      if (input.age === undefined) throw new BirthDateProblem('age', 'age is required with ageAt');
      const at = toGregorian(calendar, parseFull(calendar, 'ageAt', input.ageAt));
      if (compare(at, today) > 0) throw new BirthDateProblem('ageAt', 'ageAt must not be in the future');
      // Aged N on day D: born after D minus N+1 years and no later than D minus N years.
      last = shiftYears(at, -input.age);
      first = addGregorianDays(shiftYears(at, -(input.age + 1)), 1);
      break;
    }
  }
  if (compare(first, today) > 0)
    throw new BirthDateProblem(input.kind === 'range' ? 'from' : 'date', 'a birth date must not be in the future');
  if (compare(last, today) > 0) last = today;
  return { earliest: formatIsoDate(first), latest: formatIsoDate(last) };
}

function shiftYears(date: CalendarDate, years: number): CalendarDate {
  const year = date.year + years;
  const day = Math.min(date.day, daysInMonth('gregorian', year, date.month));
  return { year, month: date.month, day };
}
