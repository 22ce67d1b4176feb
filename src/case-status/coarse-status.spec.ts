import { REQUEST_STATUSES } from '../tracing-requests/request-vocabulary.js';
import { COARSE_STATUSES, toCoarseStatus } from './coarse-status.js';

describe('coarse status for the enquirer', () => {
  it.each(['possible_match', 'match_confirmed', 'awaiting_consent', 'on_hold', 'not_found', 'submitted'] as const)(
    'says "searching" while the request is %s, so internal states never reach the enquirer',
    (status) => {
      expect(toCoarseStatus(status)).toBe('searching');
    },
  );

  it('says there is news only once contact is shared with consent', () => {
    expect(REQUEST_STATUSES.filter((status) => toCoarseStatus(status) === 'news')).toEqual(['contact_shared']);
  });

  it('says the search ended the same way for a closure with or without a result, and for a withdrawal', () => {
    expect(toCoarseStatus('closed')).toBe('ended');
    expect(toCoarseStatus('closed_no_match')).toBe('ended');
    expect(toCoarseStatus('withdrawn')).toBe('ended');
  });

  it('maps every request status to one of the three coarse statuses', () => {
    for (const status of REQUEST_STATUSES) expect(COARSE_STATUSES).toContain(toCoarseStatus(status));
  });
});
