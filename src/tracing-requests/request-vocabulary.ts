/** Statuses of a sought person (DESIGN.md lifecycle); `submitted` until the worker has taken the request. */
export const SOUGHT_PERSON_STATUSES = [
  'submitted',
  'searching',
  'possible_match',
  'on_hold',
  'match_confirmed',
  'awaiting_consent',
  'contact_shared',
  'not_found',
] as const;
export type SoughtPersonStatus = (typeof SOUGHT_PERSON_STATUSES)[number];

/** A request's own state; while `open`, its status is derived from its sought people. */
export const REQUEST_LIFECYCLES = ['open', 'withdrawn', 'closed', 'closed_no_match'] as const;
export type RequestLifecycle = (typeof REQUEST_LIFECYCLES)[number];

export const REQUEST_STATUSES = [...SOUGHT_PERSON_STATUSES, 'withdrawn', 'closed', 'closed_no_match'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const SAFEGUARDING_FLAGS = [
  'trafficking_survivor',
  'exploitation_risk',
  'domestic_violence',
  'unaccompanied_minor',
  'enquirer_identity_unverified',
  'other_risk',
] as const;
export type SafeguardingFlag = (typeof SAFEGUARDING_FLAGS)[number];

/** How an officer closes a request, and the reason codes each outcome allows. */
export const CLOSURE_OUTCOMES = ['found', 'no_match'] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

export const CLOSURE_REASONS = {
  found: ['contact_restored', 'found_outside_service'],
  no_match: ['search_exhausted', 'enquirer_unreachable', 'enquirer_asked_to_stop'],
} as const satisfies Record<ClosureOutcome, readonly string[]>;
export const ALL_CLOSURE_REASONS = [...CLOSURE_REASONS.found, ...CLOSURE_REASONS.no_match] as const;

export const REOPEN_REASONS = ['new_information', 'closed_in_error', 'enquirer_asked_to_resume'] as const;

/**
 * Reason codes on status changes and withdrawals: codes only, never free text, so history can outlive
 * erasure. An officer's closure records its own reason code (ALL_CLOSURE_REASONS) as the change's.
 */
export const STATUS_REASON_CODES = [
  ...ALL_CLOSURE_REASONS,
  'intake',
  'queued_for_matching',
  'matching_started',
  'enquirer_withdrew',
  'officer_withdrew',
  'duplicate_request',
  'safeguarding_concern',
  'updated',
  'candidate_proposed',
  'second_review_pending',
  'candidate_confirmed',
  'candidate_rejected',
  'review_settled',
  'closed_found',
  'closed_no_match',
  'reopened',
  'identity_checked',
  'consent_granted',
  'consent_refused',
  'person_erased',
  'search_period_ended',
] as const;
export type StatusReasonCode = (typeof STATUS_REASON_CODES)[number];

export const WITHDRAWAL_REASON_CODES = ['enquirer_withdrew', 'officer_withdrew', 'duplicate_request', 'safeguarding_concern'] as const;
export type WithdrawalReasonCode = (typeof WITHDRAWAL_REASON_CODES)[number];

/** What the enquirer may hear of a request (src/case-status/coarse-status.ts maps the statuses onto these). */
export const COARSE_STATUSES = ['searching', 'news', 'ended'] as const;
export type CoarseStatus = (typeof COARSE_STATUSES)[number];
