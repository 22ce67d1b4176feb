import type { CheckOutcome } from './disclosure-vocabulary.js';

export interface RecordedCheck {
  reviewerId: string;
  outcome: CheckOutcome;
}

export const IDENTITY_CHECK_STATES = ['not_checked', 'awaiting_second_check', 'passed', 'failed'] as const;
export type IdentityCheckState = (typeof IDENTITY_CHECK_STATES)[number];

/**
 * Where the enquirer's identity and risk check stands. One failed check fails it: nobody contacts a
 * found person on behalf of someone a reviewer doubts. With a safeguarding flag on either request,
 * it passes only when two different reviewers have passed it (four eyes).
 */
export function identityCheckState(checks: readonly RecordedCheck[], safeguarding: boolean): IdentityCheckState {
  if (checks.length === 0) return 'not_checked';
  if (checks.some((c) => c.outcome === 'failed')) return 'failed';
  const passedBy = new Set(checks.map((c) => c.reviewerId));
  return safeguarding && passedBy.size < 2 ? 'awaiting_second_check' : 'passed';
}
