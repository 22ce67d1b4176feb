import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/**
 * A calendar date, optionally with a time and offset: `2026-01-31`, `2026-01-31T12:00:00Z`.
 * ISO 8601 also has week and ordinal dates (`2026-W05-6`, `2026-031`), which class-validator takes
 * and PostgreSQL does not read as dates: they would fail in the query, as a 500.
 */
export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function IsCalendarDate(): PropertyDecorator {
  return applyDecorators(
    IsISO8601({ strict: true }),
    Matches(CALENDAR_DATE, { message: '$property must be a date (2026-01-31) or a date and time (2026-01-31T12:00:00Z)' }),
  );
}
