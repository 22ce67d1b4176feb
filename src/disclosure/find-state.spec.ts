import type { LatestConsent } from './disclosure-policy.js';
import { findState } from './find-state.js';

const today = '2026-11-26';
const plain = { safeguarding: false, overrides: 0, today };
const flagged = { safeguarding: true, overrides: 0, today };
const grant: LatestConsent = { decision: 'granted', scopes: ['found', 'contact_details'], validUntil: null, withdrawn: false };
const passedBy = (...reviewers: string[]) => reviewers.map((reviewerId) => ({ reviewerId, outcome: 'passed' as const }));

describe('findState', () => {
  it('follows the identity check until a consent is recorded', () => {
    expect(findState({ checks: [], consent: undefined, context: plain })).toBe('awaiting_identity_check');
    expect(findState({ checks: passedBy('r1'), consent: undefined, context: plain })).toBe('awaiting_consent');
    expect(findState({ checks: [{ reviewerId: 'r1', outcome: 'failed' }], consent: undefined, context: plain })).toBe(
      'identity_check_failed',
    );
  });

  it('waits for the second reviewer on a flagged find (four eyes)', () => {
    expect(findState({ checks: passedBy('r1'), consent: undefined, context: flagged })).toBe('awaiting_identity_check');
    expect(findState({ checks: passedBy('r1', 'r2'), consent: undefined, context: flagged })).toBe('awaiting_consent');
  });

  it('names the newest consent: released, refused or withdrawn', () => {
    const checks = passedBy('r1');
    expect(findState({ checks, consent: grant, context: plain })).toBe('released');
    expect(findState({ checks, consent: { ...grant, decision: 'refused', scopes: [] }, context: plain })).toBe('refused');
    expect(findState({ checks, consent: { ...grant, withdrawn: true }, context: plain })).toBe('withdrawn');
  });

  it('tells a grant held back by a safeguarding flag from one past its last day', () => {
    const checks = passedBy('r1', 'r2');
    expect(findState({ checks, consent: grant, context: flagged })).toBe('consented');
    expect(findState({ checks, consent: grant, context: { ...flagged, overrides: 2 } })).toBe('released');
    expect(findState({ checks, consent: { ...grant, validUntil: '2026-11-25' }, context: plain })).toBe('lapsed');
    expect(findState({ checks, consent: { ...grant, validUntil: '2026-11-25' }, context: flagged })).toBe('lapsed');
  });
});
