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

/** Reason codes on status changes and withdrawals: codes only, never free text, so history can outlive erasure. */
export const STATUS_REASON_CODES = [
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
