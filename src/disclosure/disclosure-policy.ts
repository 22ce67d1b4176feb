import type { ConsentScope } from './disclosure-vocabulary.js';

/** The newest consent recorded for a find and its enquirer, whatever its state. */
export interface LatestConsent {
  decision: 'granted' | 'refused';
  scopes: readonly ConsentScope[];
  /** YYYY-MM-DD, the last day it allows a disclosure; null for no end */
  validUntil: string | null;
  withdrawn: boolean;
}

export interface DisclosureContext {
  /** either request of the find carries a safeguarding flag */
  safeguarding: boolean;
  /** how many different people have overridden the flag for this consent */
  overrides: number;
  /** YYYY-MM-DD in UTC */
  today: string;
}

/**
 * The consent gate: what may be released to the enquirer's side now, or nothing. Only the newest
 * consent counts (a later refusal or withdrawal ends an earlier grant); it must be a grant, not
 * withdrawn, not lapsed, and when a request is flagged, overridden by two different people.
 */
export function releasableScopes(consent: LatestConsent | undefined, context: DisclosureContext): readonly ConsentScope[] | null {
  if (!consent || consent.decision !== 'granted' || consent.withdrawn) return null;
  if (consent.validUntil !== null && consent.validUntil < context.today) return null;
  if (context.safeguarding && context.overrides < 2) return null;
  return consent.scopes.includes('found') ? consent.scopes : null;
}
