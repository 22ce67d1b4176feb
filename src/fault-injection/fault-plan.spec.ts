import fc from 'fast-check';
import { type Fault, planFaults } from './fault-plan.js';

const count = (plan: Fault[], kind: Fault['kind']) => plan.filter((f) => f.kind === kind).length;

describe('planFaults', () => {
  it('spreads one restart of each server among ten kills, Redis first and from an empty folder', () => {
    const plan = planFaults({ kills: 10, restarts: 1, workers: 2 });
    expect(plan.map((f) => (f.kind === 'worker-kill' ? `k${f.worker}` : f.kind))).toEqual([
      'k0',
      'k1',
      'k0',
      'redis-restart',
      'k1',
      'k0',
      'k1',
      'k0',
      'postgres-restart',
      'k1',
      'k0',
      'k1',
    ]);
    expect(plan.find((f) => f.kind === 'redis-restart')).toEqual({ kind: 'redis-restart', removeData: true });
  });

  it('injects exactly the faults asked for, removes Redis data once, and never starts or ends on a restart when there are kills', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 8 }),
        (kills, restarts, workers) => {
          const plan = planFaults({ kills, restarts, workers });
          expect(count(plan, 'worker-kill')).toBe(kills);
          expect(count(plan, 'redis-restart')).toBe(restarts);
          expect(count(plan, 'postgres-restart')).toBe(restarts);
          expect(plan.filter((f) => f.kind === 'redis-restart' && f.removeData)).toHaveLength(restarts > 0 ? 1 : 0);
          for (const fault of plan) if (fault.kind === 'worker-kill') expect(fault.worker).toBeLessThan(workers);
          if (kills >= 2 * restarts + 1 && restarts > 0) {
            expect(plan[0].kind).toBe('worker-kill');
            expect(plan[plan.length - 1].kind).toBe('worker-kill');
          }
        },
      ),
    );
  });
});
