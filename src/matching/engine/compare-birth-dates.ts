/** A person's possible birth dates as a Gregorian range (ISO dates), or null when nothing is known. */
export interface BirthRangeInput {
  earliest: string;
  latest: string;
}

export type BirthAgreement = 'unknown' | 'same_day' | 'overlap' | 'near' | 'far';

export interface BirthComparison {
  agreement: BirthAgreement;
  /** days between the ranges; 0 when they overlap, null when either is unknown */
  gapDays: number | null;
  /** width of the narrower range in days (1 for an exact date) */
  narrowestDays: number | null;
  /**
   * width of the wider range in days: how sharp an overlap is as evidence (an exact date inside a
   * year-only one agrees on the year, no more)
   */
  widestDays: number | null;
}

const DAY_MS = 86_400_000;
/** Ranges within about two years of each other: a guessed age or a misremembered year. */
export const NEAR_GAP_DAYS = 730;

function day(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/**
 * Compares two birth ranges. Missing evidence on either side is `unknown`: neither for nor against.
 * Overlapping ranges agree; the narrower they are, the more that agreement is worth (see narrowestDays).
 */
export function compareBirthRanges(a: BirthRangeInput | null, b: BirthRangeInput | null): BirthComparison {
  if (!a || !b) return { agreement: 'unknown', gapDays: null, narrowestDays: null, widestDays: null };
  const [a0, a1, b0, b1] = [day(a.earliest), day(a.latest), day(b.earliest), day(b.latest)];
  const narrowestDays = Math.min(a1 - a0, b1 - b0) + 1;
  const widestDays = Math.max(a1 - a0, b1 - b0) + 1;
  const gapDays = Math.max(0, b0 - a1, a0 - b1);
  if (gapDays > 0) return { agreement: gapDays <= NEAR_GAP_DAYS ? 'near' : 'far', gapDays, narrowestDays, widestDays };
  const sameDay = a0 === a1 && b0 === b1 && a0 === b0;
  return { agreement: sameDay ? 'same_day' : 'overlap', gapDays: 0, narrowestDays, widestDays };
}
