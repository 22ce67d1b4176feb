import { type DisclosureContext, type LatestConsent, releasableScopes } from './disclosure-policy.js';
import { identityCheckState, type RecordedCheck } from './identity-check-rule.js';

/**
 * Where a confirmed find stands, in the words of the caseworker's list. `consented` is a grant that a
 * safeguarding flag still holds back (it waits for its second override); `lapsed`, a grant past its
 * last day.
 */
export const FIND_STATES = [
  'awaiting_identity_check',
  'identity_check_failed',
  'awaiting_consent',
  'consented',
  'released',
  'lapsed',
  'refused',
  'withdrawn',
] as const;
export type FindState = (typeof FIND_STATES)[number];

export interface FindFacts {
  checks: readonly RecordedCheck[];
  /** the newest consent recorded for the find, if any */
  consent: LatestConsent | undefined;
  context: DisclosureContext;
}

/** Derived with the rules the workflow itself applies (the identity check rule, the consent gate), never a copy of them. */
export function findState({ checks, consent, context }: FindFacts): FindState {
  if (consent) {
    if (consent.decision === 'refused') return 'refused';
    if (consent.withdrawn) return 'withdrawn';
    if (releasableScopes(consent, context) !== null) return 'released';
    // Held back either by the flag or by its date: asking the gate without the flag tells which.
    return releasableScopes(consent, { ...context, safeguarding: false }) !== null ? 'consented' : 'lapsed';
  }
  const check = identityCheckState(checks, context.safeguarding);
  if (check === 'failed') return 'identity_check_failed';
  return check === 'passed' ? 'awaiting_consent' : 'awaiting_identity_check';
}
