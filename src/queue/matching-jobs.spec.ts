import fc from 'fast-check';
import { isMatchPersonJob, matchPersonJobId } from './matching-jobs.js';

describe('matching jobs', () => {
  it('gives the same id to the same person version, and different ids to different versions', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 1, max: 1000 }), (personId, personVersion) => {
        expect(matchPersonJobId({ personId, personVersion, matcherVersion: 1 })).toBe(
          matchPersonJobId({ personId, personVersion, matcherVersion: 1 }),
        );
        expect(matchPersonJobId({ personId, personVersion, matcherVersion: 1 })).not.toBe(
          matchPersonJobId({ personId, personVersion: personVersion + 1, matcherVersion: 1 }),
        );
        expect(matchPersonJobId({ personId, personVersion, matcherVersion: 1 })).not.toBe(
          matchPersonJobId({ personId, personVersion, matcherVersion: 2 }),
        );
        expect(matchPersonJobId({ personId, personVersion, matcherVersion: 1 })).not.toContain(':');
      }),
    );
  });

  it('accepts only ids and a version in a payload', () => {
    expect(isMatchPersonJob({ personId: '6f1c1f43-4b52-4c41-8a7b-0c4a6c1f2d3e', personVersion: 2, matcherVersion: 1 })).toBe(true);
    expect(isMatchPersonJob({ personId: '6f1c1f43-4b52-4c41-8a7b-0c4a6c1f2d3e', personVersion: 2, matcherVersion: 1, name: 'x' })).toBe(
      false,
    );
    expect(isMatchPersonJob({ personId: 'not-a-uuid', personVersion: 2, matcherVersion: 1 })).toBe(false);
    expect(isMatchPersonJob({ personId: '6f1c1f43-4b52-4c41-8a7b-0c4a6c1f2d3e', personVersion: 0, matcherVersion: 1 })).toBe(false);
    expect(isMatchPersonJob(null)).toBe(false);
  });
});
