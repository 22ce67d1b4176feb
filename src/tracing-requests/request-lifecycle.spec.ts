import fc from 'fast-check';
import { IllegalTransitionError } from '../common/errors/domain-errors.js';
import {
  assertLifecycleTransition,
  assertPersonTransition,
  canMovePerson,
  deriveRequestStatus,
  isClosableAtPeriodEnd,
  isEditable,
} from './request-lifecycle.js';
import { SOUGHT_PERSON_STATUSES } from './request-vocabulary.js';

describe('request lifecycle', () => {
  it.each([
    ['submitted', 'searching'],
    ['searching', 'possible_match'],
    ['possible_match', 'searching'],
    ['possible_match', 'on_hold'],
    ['on_hold', 'match_confirmed'],
    ['match_confirmed', 'awaiting_consent'],
    ['awaiting_consent', 'contact_shared'],
  ] as const)('lets a sought person move from %s to %s', (from, to) => {
    expect(canMovePerson(from, to)).toBe(true);
  });

  it.each([
    ['submitted', 'match_confirmed'],
    ['searching', 'contact_shared'],
    ['contact_shared', 'searching'],
    ['match_confirmed', 'searching'],
  ] as const)('refuses to move a sought person from %s to %s', (from, to) => {
    expect(() => assertPersonTransition(from, to)).toThrow(IllegalTransitionError);
  });

  it('refuses to reopen a withdrawn request', () => {
    expect(() => assertLifecycleTransition('withdrawn', 'open')).toThrow(IllegalTransitionError);
    expect(() => assertLifecycleTransition('closed', 'open')).not.toThrow();
  });

  it('shows the most advanced sought person while the request is open', () => {
    expect(deriveRequestStatus('open', ['searching', 'awaiting_consent', 'not_found'])).toBe('awaiting_consent');
    expect(deriveRequestStatus('open', ['submitted', 'submitted'])).toBe('submitted');
    expect(deriveRequestStatus('open', ['not_found', 'searching'])).toBe('searching');
  });

  it('shows its own state once it is not open, whatever its sought people', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('withdrawn', 'closed', 'closed_no_match' as const),
        fc.array(fc.constantFrom(...SOUGHT_PERSON_STATUSES), { maxLength: 5 }),
        (lifecycle, statuses) => {
          expect(deriveRequestStatus(lifecycle, statuses)).toBe(lifecycle);
        },
      ),
    );
  });

  it('never shows a status less advanced than one of its sought people', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SOUGHT_PERSON_STATUSES), { minLength: 1, maxLength: 6 }), (statuses) => {
        const shown = deriveRequestStatus('open', statuses);
        expect(statuses).toContain(shown);
      }),
    );
  });
});

describe('closing at the end of the search period', () => {
  it('closes a request whose found person refused, who is back at searching, like one that never had a candidate', () => {
    expect(canMovePerson('awaiting_consent', 'searching')).toBe(true);
    expect(isClosableAtPeriodEnd(['searching'])).toBe(true);
    expect(isClosableAtPeriodEnd(['searching', 'not_found', 'submitted'])).toBe(true);
    expect(isClosableAtPeriodEnd(['searching', 'awaiting_consent'])).toBe(false);
  });

  it('leaves open every request with a sought person past searching', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SOUGHT_PERSON_STATUSES), { maxLength: 6 }), (statuses) => {
        const pastSearching = statuses.filter((s) => !['submitted', 'searching', 'not_found'].includes(s));
        expect(isClosableAtPeriodEnd(statuses)).toBe(pastSearching.length === 0);
      }),
    );
  });
});

describe('the lifecycle rules the workflow relies on', () => {
  it('lets a not-found person be searched for again, and an open request end three ways or a closed one reopen', () => {
    expect(canMovePerson('not_found', 'searching')).toBe(true);
    expect(() => assertPersonTransition('possible_match', 'match_confirmed')).not.toThrow();
    for (const to of ['withdrawn', 'closed', 'closed_no_match'] as const) expect(() => assertLifecycleTransition('open', to)).not.toThrow();
    expect(() => assertLifecycleTransition('closed_no_match', 'open')).not.toThrow();
    expect(() => assertLifecycleTransition('closed', 'open')).not.toThrow();
    expect(() => assertLifecycleTransition('withdrawn', 'open')).toThrow(IllegalTransitionError);
  });

  it('derives submitted for an open request without sought people, and edits only open requests', () => {
    expect(deriveRequestStatus('open', [])).toBe('submitted');
    expect(isEditable('open')).toBe(true);
    for (const lifecycle of ['withdrawn', 'closed', 'closed_no_match'] as const) expect(isEditable(lifecycle)).toBe(false);
  });
});
