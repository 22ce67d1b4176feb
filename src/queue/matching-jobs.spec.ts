import fc from 'fast-check';
import {
  isMatchChunkJob,
  isMatchPersonJob,
  isProposeOthersJob,
  MATCH_CHUNK_MAX,
  matchChunkJobId,
  matchPersonJobId,
  PROPOSE_OTHERS_MAX,
  proposeOthersJobId,
} from './matching-jobs.js';

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

  const people = fc.uniqueArray(fc.record({ personId: fc.uuid(), personVersion: fc.integer({ min: 1, max: 50 }) }), {
    minLength: 1,
    maxLength: 30,
    selector: (p) => p.personId,
  });

  it('gives a chunk the same id whatever the order of its records, and another id to other records or versions', () => {
    fc.assert(
      fc.property(people, fc.integer({ min: 1, max: 9 }), (chunk, matcherVersion) => {
        const id = matchChunkJobId({ people: chunk, matcherVersion });
        expect(matchChunkJobId({ people: [...chunk].reverse(), matcherVersion })).toBe(id);
        expect(matchChunkJobId({ people: chunk, matcherVersion: matcherVersion + 1 })).not.toBe(id);
        const bumped = chunk.map((p, i) => (i === 0 ? { ...p, personVersion: p.personVersion + 1 } : p));
        expect(matchChunkJobId({ people: bumped, matcherVersion })).not.toBe(id);
        expect(matchChunkJobId({ people: chunk.slice(1), matcherVersion })).not.toBe(id);
        expect(id).not.toContain(':');
        expect(isMatchChunkJob({ people: chunk, matcherVersion })).toBe(true);
      }),
    );
  });

  it('accepts a chunk of ids and versions only, each record once, and not too many', () => {
    const one = { personId: '6f1c1f43-4b52-4c41-8a7b-0c4a6c1f2d3e', personVersion: 2 };
    const other = { personId: '0d7b4f4e-8f2a-4c1e-9b8d-2a6c1f2d3e4f', personVersion: 1 };
    expect(isMatchChunkJob({ people: [one, other], matcherVersion: 1 })).toBe(true);
    expect(isMatchChunkJob({ people: [], matcherVersion: 1 })).toBe(false);
    expect(isMatchChunkJob({ people: [one, { ...one, personVersion: 3 }], matcherVersion: 1 })).toBe(false);
    expect(isMatchChunkJob({ people: [{ ...one, name: 'x' }], matcherVersion: 1 })).toBe(false);
    expect(isMatchChunkJob({ people: [one], matcherVersion: 1, names: ['x'] })).toBe(false);
    expect(isMatchChunkJob({ people: [{ personId: 'not-a-uuid', personVersion: 1 }], matcherVersion: 1 })).toBe(false);
    expect(isMatchChunkJob({ people: [{ ...one, personVersion: 0 }], matcherVersion: 1 })).toBe(false);
    expect(isMatchChunkJob({ people: [one], matcherVersion: 0 })).toBe(false);
    expect(isMatchChunkJob({ people: 'x', matcherVersion: 1 })).toBe(false);
    const tooMany = Array.from({ length: MATCH_CHUNK_MAX + 1 }, (_, i) => ({
      personId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      personVersion: 1,
    }));
    expect(isMatchChunkJob({ people: tooMany.slice(0, MATCH_CHUNK_MAX), matcherVersion: 1 })).toBe(true);
    expect(isMatchChunkJob({ people: tooMany, matcherVersion: 1 })).toBe(false);
  });

  it('accepts the other sides of proposals as distinct ids only, and not too many', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 50 }), (personIds) => {
        expect(isProposeOthersJob({ personIds })).toBe(true);
        expect(isProposeOthersJob({ personIds: [...personIds, personIds[0]] })).toBe(false);
        expect(isProposeOthersJob({ personIds, names: ['x'] })).toBe(false);
        expect(isProposeOthersJob({ personIds: [...personIds, 'Amina Yusuf'] })).toBe(false);
      }),
    );
    expect(isProposeOthersJob({ personIds: [] })).toBe(false);
    expect(isProposeOthersJob({ personIds: 'x' })).toBe(false);
    expect(isProposeOthersJob(null)).toBe(false);
    const ids = Array.from({ length: PROPOSE_OTHERS_MAX + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(isProposeOthersJob({ personIds: ids.slice(0, PROPOSE_OTHERS_MAX) })).toBe(true);
    expect(isProposeOthersJob({ personIds: ids })).toBe(false);
  });

  it('gives one propose-others job per outbox row', () => {
    expect(proposeOthersJobId('41')).toBe(proposeOthersJobId('41'));
    expect(proposeOthersJobId('41')).not.toBe(proposeOthersJobId('42'));
    expect(proposeOthersJobId('41')).not.toContain(':');
  });
});
