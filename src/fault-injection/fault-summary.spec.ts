import { countFaults, failures, type FaultSummary, formatSummary, median } from './fault-summary.js';

function summary(
  overrides: { lost?: number; unmatched?: number; duplicatedPairs?: number; allMatchedSeconds?: number | null } = {},
): FaultSummary {
  return {
    faults: { workerKills: 2, workerKillsWithJobInHand: 2, redisRestarts: 1, redisRestartsWithDataRemoved: 1, postgresRestarts: 1 },
    requests: { accepted: 10, editsAccepted: 3, answers: { 'POST 201': 10, 'POST 503': 2 }, lost: overrides.lost ?? 0 },
    matching: {
      unmatched: overrides.unmatched ?? 0,
      candidatePairs: 40,
      duplicatedPairs: overrides.duplicatedPairs ?? 0,
      duplicatedRuns: 0,
    },
    recovery: {
      readySeconds: { redis: [0.4], postgres: [0.2] },
      allMatchedSeconds: 'allMatchedSeconds' in overrides ? overrides.allMatchedSeconds! : 12.5,
    },
    durationSeconds: 60,
  };
}

describe('the fault run summary', () => {
  it('passes when nothing was lost, left unmatched or stored twice', () => {
    expect(failures(summary())).toEqual([]);
    expect(formatSummary(summary())).toContain('PASS');
  });

  it.each([
    [{ lost: 1 }, '1 accepted requests or edits lost'],
    [{ unmatched: 3 }, '3 record versions never matched'],
    [{ duplicatedPairs: 2 }, '2 candidate pairs stored more than once'],
  ])('fails on %j', (overrides, reason) => {
    expect(failures(summary(overrides))).toEqual([reason]);
    expect(formatSummary(summary(overrides))).toContain(`FAIL: ${reason}`);
  });

  it('says so when the records were not all matched in the time allowed', () => {
    expect(formatSummary(summary({ allMatchedSeconds: null }))).toContain('NOT within the time allowed');
  });

  it('counts the faults by kind, and the kills that found a job in hand', () => {
    expect(
      countFaults([
        { fault: { kind: 'worker-kill', worker: 0 }, withJobInHand: true },
        { fault: { kind: 'worker-kill', worker: 1 }, withJobInHand: false },
        { fault: { kind: 'redis-restart', removeData: true } },
        { fault: { kind: 'redis-restart', removeData: false } },
        { fault: { kind: 'postgres-restart' } },
      ]),
    ).toEqual({ workerKills: 2, workerKillsWithJobInHand: 1, redisRestarts: 2, redisRestartsWithDataRemoved: 1, postgresRestarts: 1 });
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
