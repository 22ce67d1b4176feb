import { jalaaliMonthLength, toGregorian as jalaaliToGregorian } from 'jalaali-js';
import type { Calendar } from '../person-vocabulary.js';

/** A calendar date as its calendar counts it (month 1 = first month of that calendar's year). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The last year each conversion handles (jalaali-js stops at 3177). */
const MAX_YEAR: Record<Calendar, number> = { gregorian: 9999, ethiopian: 9999, solar_hijri: 3177 };

export function isYearInRange(calendar: Calendar, year: number): boolean {
  return Number.isInteger(year) && year >= 1 && year <= MAX_YEAR[calendar];
}

const ETHIOPIAN_EPOCH_JDN = 1724221; // 1 Meskerem 1 E.C., as a Julian day number

function gregorianToJdn({ year, month, day }: CalendarDate): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

function jdnToGregorian(jdn: number): CalendarDate {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

function ethiopianToJdn({ year, month, day }: CalendarDate): number {
  return ETHIOPIAN_EPOCH_JDN + 365 * (year - 1) + Math.floor(year / 4) + 30 * (month - 1) + day - 1;
}

function isGregorianLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Months in a year of the calendar: the Ethiopian year has twelve months of 30 days and Pagume. */
export function monthsInYear(calendar: Calendar): number {
  return calendar === 'ethiopian' ? 13 : 12;
}

export function daysInMonth(calendar: Calendar, year: number, month: number): number {
  switch (calendar) {
    case 'gregorian':
      return [31, isGregorianLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    case 'ethiopian':
      // Pagume has 6 days in the year before a Gregorian-style leap year (year % 4 === 3).
      return month < 13 ? 30 : year % 4 === 3 ? 6 : 5;
    case 'solar_hijri':
      return jalaaliMonthLength(year, month);
  }
}

export function isValidCalendarDate(calendar: Calendar, date: CalendarDate): boolean {
  const { year, month, day } = date;
  if (![year, month, day].every(Number.isInteger)) return false;
  if (year < 1 || year > MAX_YEAR[calendar] || month < 1 || month > monthsInYear(calendar) || day < 1) return false;
  return day <= daysInMonth(calendar, year, month);
}

/** Converts a valid date of any supported calendar to the Gregorian calendar. */
export function toGregorian(calendar: Calendar, date: CalendarDate): CalendarDate {
  switch (calendar) {
    case 'gregorian':
      return { ...date };
    case 'ethiopian':
      return jdnToGregorian(ethiopianToJdn(date));
    case 'solar_hijri': {
      const g = jalaaliToGregorian(date.year, date.month, date.day);
      return { year: g.gy, month: g.gm, day: g.gd };
    }
  }
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days between two Gregorian dates, for arithmetic on ages. */
export function addGregorianDays(date: CalendarDate, days: number): CalendarDate {
  return jdnToGregorian(gregorianToJdn(date) + days);
}
