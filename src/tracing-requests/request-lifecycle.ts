import { IllegalTransitionError } from '../common/errors/domain-errors.js';
import type { RequestLifecycle, RequestStatus, SoughtPersonStatus } from './request-vocabulary.js';

/** Allowed moves of a sought person (DESIGN.md lifecycle). Nothing moves backwards because a new candidate appears. */
const PERSON_TRANSITIONS: Record<SoughtPersonStatus, readonly SoughtPersonStatus[]> = {
  submitted: ['searching'],
  searching: ['possible_match', 'not_found'],
  possible_match: ['match_confirmed', 'on_hold', 'searching'],
  on_hold: ['match_confirmed', 'possible_match', 'searching'],
  match_confirmed: ['awaiting_consent'],
  awaiting_consent: ['contact_shared', 'searching'],
  contact_shared: [],
  not_found: ['searching'],
};

const LIFECYCLE_TRANSITIONS: Record<RequestLifecycle, readonly RequestLifecycle[]> = {
  open: ['withdrawn', 'closed', 'closed_no_match'],
  withdrawn: [],
  closed: ['open'],
  closed_no_match: ['open'],
};

/** How far a sought person's search has gone; the request shows its most advanced sought person. */
const PROGRESS: Record<SoughtPersonStatus, number> = {
  submitted: 0,
  not_found: 1,
  searching: 2,
  possible_match: 3,
  on_hold: 4,
  match_confirmed: 5,
  awaiting_consent: 6,
  contact_shared: 7,
};

export function canMovePerson(from: SoughtPersonStatus, to: SoughtPersonStatus): boolean {
  return PERSON_TRANSITIONS[from].includes(to);
}

export function assertPersonTransition(from: SoughtPersonStatus, to: SoughtPersonStatus): void {
  if (!canMovePerson(from, to)) throw new IllegalTransitionError(from, to);
}

export function assertLifecycleTransition(from: RequestLifecycle, to: RequestLifecycle): void {
  if (!LIFECYCLE_TRANSITIONS[from].includes(to)) throw new IllegalTransitionError(from, to);
}

/** A request's status: its own state when not open, else the most advanced of its sought people. */
export function deriveRequestStatus(lifecycle: RequestLifecycle, soughtStatuses: readonly SoughtPersonStatus[]): RequestStatus {
  if (lifecycle !== 'open') return lifecycle;
  if (soughtStatuses.length === 0) return 'submitted';
  return soughtStatuses.reduce((best, status) => (PROGRESS[status] > PROGRESS[best] ? status : best));
}

/**
 * Where a sought person stands while nothing has come of their search. A found person who refused
 * is back at `searching`, so the closing schedule cannot tell a refusal from a fruitless search.
 */
export const NOT_PAST_SEARCHING: readonly SoughtPersonStatus[] = ['submitted', 'searching', 'not_found'];

/** Whether the search period's end may close the request as "no match": none of its sought people is past searching. */
export function isClosableAtPeriodEnd(soughtStatuses: readonly SoughtPersonStatus[]): boolean {
  return soughtStatuses.every((status) => NOT_PAST_SEARCHING.includes(status));
}

/** Whether an officer may still edit the request. */
export function isEditable(lifecycle: RequestLifecycle): boolean {
  return lifecycle === 'open';
}
