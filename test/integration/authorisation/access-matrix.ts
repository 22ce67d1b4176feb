import type { Role } from '../../../src/users/role.js';

/**
 * Who may call what: every route of the API, the roles that may call it, and a body that passes
 * validation (so that a foreign organisation's id reaches the handler, which must answer 404).
 * This table is the documentation of access; the matrix test fails when a route is missing from it.
 * Roles allowed here may still be refused for a reason of the record (not assigned to a request,
 * a second confirmation by the same reviewer): those rules have tests of their own.
 */
export interface RouteAccess {
  roles: readonly Role[] | 'public';
  body?: Record<string, unknown>;
}

export const ACCESS_MATRIX: Record<string, RouteAccess> = {
  'GET /health': { roles: 'public' },
  'GET /ready': { roles: 'public' },
  'POST /v1/auth/login': { roles: 'public' },
  'POST /v1/auth/set-password': { roles: 'public' },
  'POST /v1/auth/login/second-factor': { roles: 'public' },

  // Everyone manages their own second factor (admins and reviewers may not turn theirs off: tested apart).
  'GET /v1/auth/second-factor': { roles: ['officer', 'reviewer', 'caseworker', 'admin', 'auditor'] },
  'POST /v1/auth/second-factor/enrolment': { roles: ['officer', 'reviewer', 'caseworker', 'admin', 'auditor'] },
  'POST /v1/auth/second-factor/enrolment/confirm': { roles: ['officer', 'reviewer', 'caseworker', 'admin', 'auditor'] },
  'POST /v1/auth/second-factor/disable': { roles: ['officer', 'reviewer', 'caseworker', 'admin', 'auditor'] },
  'GET /v1/organisation/second-factor-policy': { roles: ['admin'] },
  'PUT /v1/organisation/second-factor-policy': { roles: ['admin'] },

  'POST /v1/tracing-requests': { roles: ['officer'] },
  'GET /v1/tracing-requests': { roles: ['officer', 'reviewer', 'admin'] },
  'GET /v1/tracing-requests/{id}': { roles: ['officer', 'reviewer', 'admin', 'caseworker'] },
  'PATCH /v1/tracing-requests/{id}': { roles: ['officer'], body: { version: 1 } },
  'POST /v1/tracing-requests/{id}/withdraw': { roles: ['officer'], body: { reasonCode: 'enquirer_withdrew' } },
  'GET /v1/tracing-requests/{id}/history': { roles: ['officer', 'reviewer', 'admin', 'caseworker'] },
  'POST /v1/tracing-requests/{id}/close': { roles: ['officer'], body: { outcome: 'no_match', reasonCode: 'search_exhausted' } },
  'POST /v1/tracing-requests/{id}/reopen': { roles: ['officer'], body: { reasonCode: 'new_information' } },
  'GET /v1/tracing-requests/{id}/follow-ups': { roles: ['officer', 'caseworker'] },
  'POST /v1/tracing-requests/{id}/follow-ups/{questionId}/answered': { roles: ['officer'] },
  'GET /v1/tracing-requests/{id}/links': { roles: ['officer', 'reviewer', 'admin'] },
  'GET /v1/tracing-requests/{requestId}/persons/{personId}/contact': { roles: ['officer', 'caseworker'] },
  'PUT /v1/tracing-requests/{requestId}/persons/{personId}/contact': { roles: ['officer', 'caseworker'], body: {} },
  'POST /v1/tracing-requests/{requestId}/persons/{personId}/contact/break-glass': {
    roles: ['officer', 'caseworker', 'reviewer', 'admin'],
    body: { reasonCode: 'safeguarding_emergency' },
  },
  'GET /v1/tracing-requests/{requestId}/sought-people/{personId}/disclosure': { roles: ['officer', 'caseworker'] },
  'POST /v1/tracing-requests/{requestId}/erase': { roles: ['admin'], body: { reasonCode: 'recorded_in_error' } },
  'POST /v1/tracing-requests/{requestId}/persons/{personId}/erase': { roles: ['admin'], body: { reasonCode: 'recorded_in_error' } },

  'GET /v1/case-status/{reference}': { roles: ['caseworker'] },

  'GET /v1/review/candidates': { roles: ['reviewer', 'admin'] },
  'GET /v1/review/candidates/{id}': { roles: ['reviewer', 'admin'] },
  'POST /v1/review/candidates/{id}/claim': { roles: ['reviewer'] },
  'POST /v1/review/candidates/{id}/release': { roles: ['reviewer'] },
  'POST /v1/review/candidates/{id}/decisions': {
    roles: ['reviewer'],
    body: { decision: 'reject', reasonCode: 'different_person', version: 1 },
  },

  'GET /v1/finds': { roles: ['caseworker'] },
  'GET /v1/finds/{candidateId}': { roles: ['reviewer', 'caseworker', 'admin'] },
  'POST /v1/finds/{candidateId}/identity-checks': {
    roles: ['reviewer'],
    body: { outcome: 'passed', methods: ['documents_seen'], reasonCode: 'documents_verified' },
  },
  'POST /v1/finds/{candidateId}/consents': { roles: ['caseworker'], body: { decision: 'granted', scopes: ['found'] } },
  'POST /v1/finds/{candidateId}/consents/{consentId}/withdraw': { roles: ['caseworker'], body: { reasonCode: 'found_person_withdrew' } },
  'POST /v1/finds/{candidateId}/consents/{consentId}/overrides': {
    roles: ['reviewer', 'caseworker', 'admin'],
    body: { reasonCode: 'found_person_safety_assessed' },
  },

  'GET /v1/users': { roles: ['admin'] },
  'POST /v1/users': { roles: ['admin'] },
  'PATCH /v1/users/{id}/roles': { roles: ['admin'], body: { roles: ['officer'] } },
  'POST /v1/users/{id}/deactivate': { roles: ['admin'] },
  'POST /v1/users/{id}/password-reset': { roles: ['admin'] },
  'POST /v1/users/{id}/unlock': { roles: ['admin'] },
  'POST /v1/users/{id}/second-factor/reset': { roles: ['admin'] },

  'GET /v1/organisations': { roles: ['admin'] },
  'GET /v1/sharing-agreements': { roles: ['admin'] },
  'POST /v1/sharing-agreements': { roles: ['admin'] },
  'POST /v1/sharing-agreements/{id}/approve': { roles: ['admin'] },
  'POST /v1/sharing-agreements/{id}/withdraw': { roles: ['admin'] },

  'GET /v1/webhook-receivers': { roles: ['admin'] },
  'POST /v1/webhook-receivers': { roles: ['admin'] },
  'POST /v1/webhook-receivers/{id}/deactivate': { roles: ['admin'] },
  'DELETE /v1/webhook-receivers/{id}': { roles: ['admin'] },

  'GET /v1/retention-policy': { roles: ['admin'] },
  'PUT /v1/retention-policy': { roles: ['admin'] },
  'POST /v1/retention-policy/dry-run': { roles: ['admin'] },

  'GET /v1/audit-events': { roles: ['auditor'] },
};
