/** What a reviewer can decide about a candidate match. */
export const DECISIONS = ['confirm', 'reject', 'need_more_info'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Reason codes, one list per decision: codes only, so that decisions can outlive an erasure of notes. */
export const DECISION_REASONS = {
  confirm: ['names_and_dates_agree', 'reciprocal_search', 'distinctive_details_agree', 'officer_confirmed_details'],
  reject: ['different_person', 'dates_contradict', 'places_contradict', 'sex_contradicts', 'duplicate_candidate'],
  need_more_info: ['names_ambiguous', 'birth_date_missing', 'places_unclear', 'frequent_name'],
} as const satisfies Record<Decision, readonly string[]>;
export const ALL_DECISION_REASONS = [...new Set(Object.values(DECISION_REASONS).flat())];

/**
 * The standard follow-up forms. Every search uses the same ones, whatever the candidate, so a
 * question reaching the enquirer tells them nothing about what was found.
 */
export const FOLLOW_UP_FORMS = ['birth_details', 'other_names_used', 'family_members', 'last_contact', 'places_lived'] as const;
export type FollowUpForm = (typeof FOLLOW_UP_FORMS)[number];

export const REVIEW_STATUSES = ['pending', 'need_more_info', 'awaiting_second_review', 'confirmed', 'rejected', 'withdrawn'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Candidates still waiting for a reviewer: what the queue shows and what keeps a sought person in review. */
export const OPEN_REVIEW_STATUSES = ['pending', 'need_more_info', 'awaiting_second_review'] as const satisfies readonly ReviewStatus[];

export const BANDS = ['high', 'medium', 'low'] as const;
export type Band = (typeof BANDS)[number];
