/**
 * Every route that lists many records at once, with the reason it is not a bulk export of people.
 * The service has no export route for anyone (DESIGN.md, invariant 8); a new listing must say here
 * what it returns, or the route-list test fails.
 */
export const LISTING_ROUTES: Record<string, string> = {
  'GET /v1/tracing-requests': "references, statuses and counts of the caller's organisation's requests; no person's field",
  'GET /v1/review/candidates': "band, score, roles and the caller's own references of open candidates; no person's field",
  'GET /v1/finds': "the caseworker's own finds: ids, their own side's reference, a state and dates; no person's field",
  'GET /v1/users': "the organisation's staff accounts, not people traced",
  'GET /v1/organisations': 'names and codes of organisations, for sharing agreements',
  'GET /v1/sharing-agreements': "the caller's organisation's agreements",
  'GET /v1/webhook-receivers': "the organisation's receivers, without secrets",
  'GET /v1/audit-events': 'ids and codes only, for the auditor',
  'GET /v1/retention-policy': "the organisation's periods",
  'GET /v1/auth/second-factor': "the caller's own second-factor status",
  'GET /v1/organisation/second-factor-policy': "the organisation's policy",
  'GET /health': 'liveness',
  'GET /ready': 'readiness',
};
