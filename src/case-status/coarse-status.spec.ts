import fc from 'fast-check';
import { REQUEST_STATUSES } from '../tracing-requests/request-vocabulary.js';
import { coarseStatusMessage, toCoarseStatus } from './coarse-status.js';

describe('coarse status for the enquirer', () => {
  it.each(['possible_match', 'match_confirmed', 'awaiting_consent', 'on_hold', 'not_found', 'submitted'] as const)(
    'says "searching" while the request is %s, so internal states never reach the enquirer',
    (status) => {
      expect(toCoarseStatus(status)).toBe('searching');
    },
  );

  it('says there is news only once contact is shared with consent', () => {
    expect(toCoarseStatus('contact_shared')).toBe('news');
  });

  it('says the search ended the same way for a closure with or without a result', () => {
    expect(toCoarseStatus('closed')).toBe(toCoarseStatus('closed_no_match'));
  });

  it('has a message for every status in every language it offers, falling back to English', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REQUEST_STATUSES),
        fc.constantFrom('en', 'ar', 'fr', 'uk', 'ti', 'fa-AF', null),
        (status, language) => {
          const { message } = coarseStatusMessage(toCoarseStatus(status), language);
          expect(message.length).toBeGreaterThan(0);
        },
      ),
    );
    expect(coarseStatusMessage('ended', 'ar-SY').language).toBe('ar');
    expect(coarseStatusMessage('ended', 'ti').language).toBe('en');
  });
});
