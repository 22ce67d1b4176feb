import fc from 'fast-check';
import { answersShown, isFoundPersonsCaseworker, type LatestConsent, releasableScopes } from './disclosure-policy.js';
import { CONSENT_SCOPES } from './disclosure-vocabulary.js';

const grant: LatestConsent = { decision: 'granted', scopes: ['found', 'contact_details'], validUntil: null, withdrawn: false };
const open = { safeguarding: false, overrides: 0, today: '2026-11-26' };

describe('releasableScopes', () => {
  it('releases a standing grant, and nothing without one', () => {
    expect(releasableScopes(grant, open)).toEqual(['found', 'contact_details']);
    expect(releasableScopes(undefined, open)).toBeNull();
    expect(releasableScopes({ ...grant, decision: 'refused', scopes: [] }, open)).toBeNull();
    expect(releasableScopes({ ...grant, withdrawn: true }, open)).toBeNull();
  });

  it('honours the last day of a consent', () => {
    expect(releasableScopes({ ...grant, validUntil: '2026-11-26' }, open)).not.toBeNull();
    expect(releasableScopes({ ...grant, validUntil: '2026-11-25' }, open)).toBeNull();
  });

  it('needs two overrides when a request is flagged', () => {
    expect(releasableScopes(grant, { ...open, safeguarding: true, overrides: 1 })).toBeNull();
    expect(releasableScopes(grant, { ...open, safeguarding: true, overrides: 2 })).toEqual(grant.scopes);
  });

  it('never releases anything but what was granted, and never without the found scope', () => {
    const consent = fc.record({
      decision: fc.constantFrom('granted' as const, 'refused' as const),
      scopes: fc.uniqueArray(fc.constantFrom(...CONSENT_SCOPES)),
      validUntil: fc.option(fc.constantFrom('2026-01-01', '2026-11-26', '2027-01-01'), { nil: null }),
      withdrawn: fc.boolean(),
    });
    const context = fc.record({ safeguarding: fc.boolean(), overrides: fc.nat(3), today: fc.constant('2026-11-26') });
    fc.assert(
      fc.property(consent, context, (c, ctx) => {
        const released = releasableScopes(c, ctx);
        if (released === null) return;
        expect(c.decision).toBe('granted');
        expect(c.withdrawn).toBe(false);
        expect(released).toContain('found');
        for (const scope of released) expect(c.scopes).toContain(scope);
        if (ctx.safeguarding) expect(ctx.overrides).toBeGreaterThanOrEqual(2);
      }),
    );
  });
});

describe('answersShown', () => {
  const answer = fc.record({
    decision: fc.constantFrom('granted', 'refused'),
    withdrawnAt: fc.option(fc.constant(new Date('2026-11-20')), { nil: null }),
  });

  it("shows the enquirer's caseworker no refusal and no withdrawal: they read as no answer yet", () => {
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 5 }), (answers) => {
        const shown = answersShown(answers, true);
        for (const a of shown) expect(a).toMatchObject({ decision: 'granted', withdrawnAt: null });
        expect(shown).toEqual(answers.filter((a) => a.decision === 'granted' && a.withdrawnAt === null));
      }),
    );
    expect(answersShown([{ decision: 'refused', withdrawnAt: null }], true)).toEqual(answersShown([], true));
  });

  it("shows the found person's side and the staff who run the case every answer", () => {
    fc.assert(fc.property(fc.array(answer, { maxLength: 5 }), (answers) => expect(answersShown(answers, false)).toEqual(answers)));
  });
});

describe('isFoundPersonsCaseworker', () => {
  const me = { id: 'u1', organisationId: 'o1', roles: ['caseworker'] };

  it("is the found request's own caseworker, or any caseworker of its organisation when it has none", () => {
    expect(isFoundPersonsCaseworker(me, { organisationId: 'o1', caseworkerId: 'u1' })).toBe(true);
    expect(isFoundPersonsCaseworker(me, { organisationId: 'o1', caseworkerId: null })).toBe(true);
  });

  it('is not another caseworker of the organisation, one of another organisation, or an officer', () => {
    expect(isFoundPersonsCaseworker(me, { organisationId: 'o1', caseworkerId: 'u2' })).toBe(false);
    expect(isFoundPersonsCaseworker(me, { organisationId: 'o2', caseworkerId: null })).toBe(false);
    expect(isFoundPersonsCaseworker({ ...me, roles: ['officer'] }, { organisationId: 'o1', caseworkerId: 'u1' })).toBe(false);
  });
});
