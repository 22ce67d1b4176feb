import fc from 'fast-check';
import { DEFAULT_MIX, MixError, mixCycle, parseMix, REQUEST_KINDS, type RequestKind, type TrafficMix } from './traffic-mix.js';

const count = (cycle: RequestKind[], kind: RequestKind) => cycle.filter((k) => k === kind).length;

describe('parseMix', () => {
  it('reads weights and gives unnamed kinds 0', () => {
    expect(parseMix('create=1, read=3')).toEqual({ create: 1, read: 3, 'case-status': 0, 'review-queue': 0, 'review-view': 0 });
  });

  it.each([
    ['', /expected kind=weight/],
    ['create', /expected kind=weight/],
    ['create=-1', /expected kind=weight/],
    ['delete=3', /unknown kind delete/],
    ['read=1,read=2', /read named twice/],
    ['create=0,read=0', /at least one weight/],
  ])('refuses %j', (text, message) => {
    expect(() => parseMix(text)).toThrow(MixError);
    expect(() => parseMix(text)).toThrow(message);
  });
});

describe('mixCycle', () => {
  it('sends the default mix in its proportions, one cycle of 20', () => {
    const cycle = mixCycle(DEFAULT_MIX);
    expect(cycle).toHaveLength(20);
    expect(REQUEST_KINDS.map((kind) => count(cycle, kind))).toEqual([4, 7, 4, 2, 3]);
  });

  it('interleaves kinds instead of sending them in blocks', () => {
    expect(mixCycle({ create: 1, read: 1, 'case-status': 0, 'review-queue': 0, 'review-view': 0 })).toEqual(['create', 'read']);
    const cycle = mixCycle({ create: 3, read: 1, 'case-status': 0, 'review-queue': 0, 'review-view': 0 });
    expect(cycle.indexOf('read')).toBeGreaterThan(0);
    expect(cycle.indexOf('read')).toBeLessThan(3);
  });

  it('holds every kind in exact proportion to its weight, for any mix', () => {
    const weight = fc.integer({ min: 0, max: 40 });
    const mixes = fc
      .tuple(weight, weight, weight, weight, weight)
      .filter((ws) => ws.some((w) => w > 0))
      .map(([create, read, status, queue, view]): TrafficMix => ({
        create,
        read,
        'case-status': status,
        'review-queue': queue,
        'review-view': view,
      }));
    fc.assert(
      fc.property(mixes, (mix) => {
        const cycle = mixCycle(mix);
        const total = REQUEST_KINDS.reduce((sum, kind) => sum + mix[kind], 0);
        for (const kind of REQUEST_KINDS) expect(count(cycle, kind) * total).toBe(mix[kind] * cycle.length);
        // spread out: in every prefix of the cycle, each kind is within two requests of its share
        const seen = new Map<RequestKind, number>();
        cycle.forEach((kind, n) => {
          seen.set(kind, (seen.get(kind) ?? 0) + 1);
          for (const k of REQUEST_KINDS) expect(Math.abs((seen.get(k) ?? 0) - ((n + 1) * mix[k]) / total)).toBeLessThan(2);
        });
      }),
    );
  });
});
