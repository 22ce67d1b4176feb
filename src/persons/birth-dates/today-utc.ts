import type { CalendarDate } from './calendars.js';

/** Today's date in UTC: the bound "nobody is born in the future" is checked against it. */
export function todayUtc(now: Date = new Date()): CalendarDate {
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}
