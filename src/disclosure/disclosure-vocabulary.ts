/** How a reviewer checked that the enquirer is who they say (e.g. answers only the real relative could give). */
export const CHECK_METHODS = ['knowledge_questions', 'documents_seen', 'known_to_caseworker', 'referral_partner', 'video_call'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

export const CHECK_REASONS = {
  passed: ['answers_match_circumstances', 'documents_verified', 'known_relationship'],
  failed: ['answers_contradict', 'identity_unverifiable', 'risk_to_found_person'],
} as const;
export type CheckOutcome = keyof typeof CHECK_REASONS;
export const CHECK_OUTCOMES = Object.keys(CHECK_REASONS) as CheckOutcome[];
export const ALL_CHECK_REASONS = [...CHECK_REASONS.passed, ...CHECK_REASONS.failed];

/** What a found person may let the enquirer learn; any grant includes that they were found. */
export const CONSENT_SCOPES = ['found', 'message', 'contact_details', 'whereabouts'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const CONSENT_DECISIONS = ['granted', 'refused'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

export const WITHDRAWAL_REASONS = ['found_person_withdrew', 'recorded_in_error', 'safety_concern'] as const;

/** Why a second person lets a disclosure go ahead despite a safeguarding flag. */
export const OVERRIDE_REASONS = ['found_person_safety_assessed', 'protection_officer_approved', 'guardian_approved'] as const;
