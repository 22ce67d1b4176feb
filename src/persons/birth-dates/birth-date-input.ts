import type { BirthDateKind, Calendar } from '../person-vocabulary.js';

/**
 * A birth date as the officer entered it, in the calendar it was given in.
 * Dates are `YYYY-MM-DD`; range bounds may be partial (`YYYY` or `YYYY-MM`).
 */
export interface BirthDateInput {
  kind: BirthDateKind;
  calendar?: Calendar;
  /** exact */
  date?: string;
  /** year */
  year?: number;
  /** range */
  from?: string;
  to?: string;
  /** age_at: the person was `age` years old on `ageAt` */
  age?: number;
  ageAt?: string;
  /** the words as told */
  original?: string;
}
