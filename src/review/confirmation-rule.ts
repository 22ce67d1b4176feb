import type { Decision } from './review-vocabulary.js';

export interface RecordedDecision {
  reviewerId: string;
  organisationId: string;
  decision: Decision;
}

export interface CandidateSides {
  /** the organisations owning the two records (one, or two under a sharing agreement) */
  organisations: readonly string[];
  /** either request carries a safeguarding flag */
  safeguarding: boolean;
}

export type ReviewOutcome =
  | { state: 'confirmed' }
  | { state: 'rejected' }
  | { state: 'awaiting_second_review'; missing: 'second_reviewer' | 'other_organisation' }
  | { state: 'need_more_info' }
  | { state: 'pending' };

/**
 * Where a candidate stands after its decisions, in order. Any rejection rejects it. Confirmation
 * needs a confirm from a reviewer of each organisation of the pair and, when a safeguarding flag is
 * on either request, confirms from two different people (four eyes). Until then, a confirm leaves it
 * awaiting a second review. A question (`need_more_info`) keeps the candidate open.
 */
export function reviewOutcome(decisions: readonly RecordedDecision[], sides: CandidateSides): ReviewOutcome {
  if (decisions.some((d) => d.decision === 'reject')) return { state: 'rejected' };
  const confirms = decisions.filter((d) => d.decision === 'confirm');
  if (confirms.length === 0) {
    return decisions.length > 0 ? { state: 'need_more_info' } : { state: 'pending' };
  }
  const confirmingOrgs = new Set(confirms.map((d) => d.organisationId));
  if (!sides.organisations.every((org) => confirmingOrgs.has(org))) {
    return { state: 'awaiting_second_review', missing: 'other_organisation' };
  }
  const confirmingPeople = new Set(confirms.map((d) => d.reviewerId));
  if (sides.safeguarding && confirmingPeople.size < 2) return { state: 'awaiting_second_review', missing: 'second_reviewer' };
  return { state: 'confirmed' };
}

/** A reviewer who has confirmed may not confirm again in the second reviewer's place. */
export function hasConfirmed(decisions: readonly RecordedDecision[], reviewerId: string): boolean {
  return decisions.some((d) => d.decision === 'confirm' && d.reviewerId === reviewerId);
}
