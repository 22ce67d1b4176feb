import fc from 'fast-check';
import { identityCheckState } from './identity-check-rule.js';

describe('identityCheckState', () => {
  it('passes on one check, or on two different reviewers when a request is flagged', () => {
    expect(identityCheckState([], false)).toBe('not_checked');
    expect(identityCheckState([{ reviewerId: 'r1', outcome: 'passed' }], false)).toBe('passed');
    expect(identityCheckState([{ reviewerId: 'r1', outcome: 'passed' }], true)).toBe('awaiting_second_check');
    expect(
      identityCheckState(
        [
          { reviewerId: 'r1', outcome: 'passed' },
          { reviewerId: 'r1', outcome: 'passed' },
        ],
        true,
      ),
    ).toBe('awaiting_second_check');
    expect(
      identityCheckState(
        [
          { reviewerId: 'r1', outcome: 'passed' },
          { reviewerId: 'r2', outcome: 'passed' },
        ],
        true,
      ),
    ).toBe('passed');
  });

  it('fails whenever any reviewer failed it, flagged or not', () => {
    const check = fc.record({
      reviewerId: fc.constantFrom('r1', 'r2', 'r3'),
      outcome: fc.constantFrom('passed' as const, 'failed' as const),
    });
    fc.assert(
      fc.property(fc.array(check, { minLength: 1, maxLength: 5 }), fc.boolean(), (checks, flagged) => {
        const state = identityCheckState(checks, flagged);
        expect(state === 'failed').toBe(checks.some((c) => c.outcome === 'failed'));
      }),
    );
  });
});
