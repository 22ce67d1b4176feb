import fc from 'fast-check';
import { hasConfirmed, type RecordedDecision, reviewOutcome } from './confirmation-rule.js';
import { DECISIONS } from './review-vocabulary.js';

const ORG = 'org-1';
const OTHER_ORG = 'org-2';
const confirm = (reviewerId: string, organisationId = ORG): RecordedDecision => ({ reviewerId, organisationId, decision: 'confirm' });
const oneOrg = { organisations: [ORG], safeguarding: false };

describe('reviewOutcome', () => {
  it('is pending without decisions, and one confirm settles an unflagged pair of one organisation', () => {
    expect(reviewOutcome([], oneOrg)).toEqual({ state: 'pending' });
    expect(reviewOutcome([confirm('r1')], oneOrg)).toEqual({ state: 'confirmed' });
  });

  it('keeps a question open', () => {
    expect(reviewOutcome([{ reviewerId: 'r1', organisationId: ORG, decision: 'need_more_info' }], oneOrg)).toEqual({
      state: 'need_more_info',
    });
  });

  it('needs two different people for a flagged record (four eyes)', () => {
    const flagged = { organisations: [ORG], safeguarding: true };
    expect(reviewOutcome([confirm('r1')], flagged)).toEqual({ state: 'awaiting_second_review', missing: 'second_reviewer' });
    expect(reviewOutcome([confirm('r1'), confirm('r1')], flagged)).toEqual({ state: 'awaiting_second_review', missing: 'second_reviewer' });
    expect(reviewOutcome([confirm('r1'), confirm('r2')], flagged)).toEqual({ state: 'confirmed' });
  });

  it('needs a confirm from each organisation of a cross-organisation pair', () => {
    const both = { organisations: [ORG, OTHER_ORG], safeguarding: false };
    expect(reviewOutcome([confirm('r1'), confirm('r2')], both)).toEqual({ state: 'awaiting_second_review', missing: 'other_organisation' });
    expect(reviewOutcome([confirm('r1'), confirm('r9', OTHER_ORG)], both)).toEqual({ state: 'confirmed' });
  });

  it('rejects whenever anyone rejected, and does not depend on the order of decisions', () => {
    const decision = fc.record({
      reviewerId: fc.constantFrom('r1', 'r2', 'r3'),
      organisationId: fc.constantFrom(ORG, OTHER_ORG),
      decision: fc.constantFrom(...DECISIONS),
    });
    const sides = fc.record({ organisations: fc.constantFrom([ORG], [ORG, OTHER_ORG]), safeguarding: fc.boolean() });
    fc.assert(
      fc.property(fc.array(decision, { maxLength: 6 }), sides, (decisions, context) => {
        const outcome = reviewOutcome(decisions, context);
        expect(reviewOutcome([...decisions].reverse(), context)).toEqual(outcome);
        if (decisions.some((d) => d.decision === 'reject')) expect(outcome.state).toBe('rejected');
        if (outcome.state === 'confirmed') {
          const confirmers = new Set(decisions.filter((d) => d.decision === 'confirm').map((d) => d.reviewerId));
          if (context.safeguarding) expect(confirmers.size).toBeGreaterThanOrEqual(2);
          for (const org of context.organisations)
            expect(decisions.some((d) => d.decision === 'confirm' && d.organisationId === org)).toBe(true);
        }
      }),
    );
  });
});

describe('hasConfirmed', () => {
  it('tells whether this reviewer has confirmed already', () => {
    expect(hasConfirmed([confirm('r1')], 'r1')).toBe(true);
    expect(hasConfirmed([confirm('r1')], 'r2')).toBe(false);
    expect(hasConfirmed([confirm('r2'), confirm('r1')], 'r1')).toBe(true);
    expect(hasConfirmed([{ reviewerId: 'r2', organisationId: ORG, decision: 'reject' }], 'r2')).toBe(false);
  });
});
