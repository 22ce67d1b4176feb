import { type LagSample, summariseLag } from './queue-lag.js';

const sample = (atS: number, phase: LagSample['phase'], waiting: number, outboxBacklog = 0, age = 0): LagSample => ({
  atS,
  phase,
  waiting,
  active: 0,
  delayed: 0,
  oldestWaitingAgeS: age,
  outboxBacklog,
  oldestOutboxAgeS: 0,
});

describe('summariseLag', () => {
  it('reports the peaks during and after the run, and when the backlog was first empty after it', () => {
    const samples = [
      sample(1, 'during', 5, 0, 0.5),
      sample(2, 'during', 40, 3, 2.5),
      sample(10.5, 'after', 12, 0, 4),
      sample(13, 'after', 0, 1),
      sample(14, 'after', 0),
    ];
    expect(summariseLag(samples, 10)).toEqual({
      during: { samples: 2, maxWaiting: 40, maxOldestWaitingAgeS: 2.5, maxOutboxBacklog: 3, maxOldestOutboxAgeS: 0 },
      after: { samples: 3, maxWaiting: 12, maxOldestWaitingAgeS: 4, maxOutboxBacklog: 1, maxOldestOutboxAgeS: 0 },
      drainedAfterS: 4,
    });
  });

  it('says null when the backlog never emptied within the drain limit', () => {
    expect(summariseLag([sample(1, 'during', 3), sample(11, 'after', 2)], 10).drainedAfterS).toBeNull();
  });

  it('counts an outbox row still waiting as backlog even with an empty queue', () => {
    expect(summariseLag([sample(11, 'after', 0, 2), sample(12, 'after', 0, 0)], 10).drainedAfterS).toBe(2);
  });
});
