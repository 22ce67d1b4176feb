import type { GeneratedRequest } from './generate-people.js';

/** A generated request as the body of POST /v1/tracing-requests (the same shape the service's create takes). */
export function requestBody(request: GeneratedRequest) {
  return {
    enquirer: { ...request.enquirer, ...(request.enquirer.languages?.[0] && { preferredLanguage: request.enquirer.languages[0] }) },
    soughtPeople: [request.sought],
    intakeConsent: {
      consentsToProcessing: true,
      agreesToBeFound: request.agreesToBeFound,
      agreesToIdentityShared: request.agreesToIdentityShared,
      informationNoticeVersion: '2026-01',
    },
  };
}
