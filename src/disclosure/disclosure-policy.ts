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

/**
 * What a find's summary shows of the found person's answers. The enquirer's caseworker speaks to
 * the enquirer – who may be an exploiter posing as family – so they see only a grant that stands:
 * a refusal or a withdrawal reads as no answer yet, as the survivor's status reads "searching"
 * (DESIGN.md). The found person's side, and the reviewers and admins who run the case, see every
 * answer.
 */
export function answersShown<T extends { decision: string; withdrawnAt: Date | null }>(
  answers: readonly T[],
  toEnquirersCaseworker: boolean,
): readonly T[] {
  if (!toEnquirersCaseworker) return answers;
  return answers.filter((answer) => answer.decision === 'granted' && answer.withdrawnAt === null);
}

/**
 * Who records the found person's answers: the caseworker assigned to the found person's request, or
 * any caseworker of that organisation when none is.
 */
export function isFoundPersonsCaseworker(
  user: { id: string; organisationId: string; roles: readonly string[] },
  found: { organisationId: string; caseworkerId: string | null },
): boolean {
  return (
    user.roles.includes('caseworker') &&
    found.organisationId === user.organisationId &&
    (found.caseworkerId === null || found.caseworkerId === user.id)
  );
}
