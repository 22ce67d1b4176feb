import type { CoarseStatus, RequestStatus } from '../tracing-requests/request-vocabulary.js';

export { COARSE_STATUSES, type CoarseStatus } from '../tracing-requests/request-vocabulary.js';

/**
 * What the enquirer may hear. Everything short of a disclosure the found person consented to reads
 * "searching" – candidates, confirmations, awaiting consent, on hold, even a refusal – so the status
 * is no oracle for someone posing as an enquirer. The database repeats this mapping to keep the
 * day of the last change (migration 1764400000000); a test checks they agree.
 */
export function toCoarseStatus(status: RequestStatus): CoarseStatus {
  switch (status) {
    case 'contact_shared':
      return 'news';
    case 'withdrawn':
    case 'closed':
    case 'closed_no_match':
      return 'ended';
    case 'submitted':
    case 'searching':
    case 'possible_match':
    case 'on_hold':
    case 'match_confirmed':
    case 'awaiting_consent':
    case 'not_found':
      return 'searching';
  }
}
