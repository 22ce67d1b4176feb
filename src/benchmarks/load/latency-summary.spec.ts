import fc from 'fast-check';
import { type Answer, summariseAnswers } from './latency-summary.js';
import { REQUEST_KINDS } from './traffic-mix.js';

describe('summariseAnswers', () => {
  it('gives nearest-rank percentiles, throughput and non-2xx counts per kind and overall', () => {
    const reads: Answer[] = Array.from({ length: 100 }, (_, i) => ({ kind: 'read', status: 200, ms: i + 1 }));
    const creates: Answer[] = [
      { kind: 'create', status: 201, ms: 50 },
      { kind: 'create', status: 429, ms: 2 },
      { kind: 'create', status: 500, ms: 3 },
      { kind: 'create', status: 429, ms: 4 },
    ];
    const summary = summariseAnswers([...reads, ...creates], 10, { errors: 1, timeouts: 0 });
    expect(summary.byKind.read).toEqual({ requests: 100, perSecond: 10, p50Ms: 50, p95Ms: 95, p99Ms: 99, maxMs: 100, errorsByStatus: {} });
    expect(summary.byKind.create).toMatchObject({ requests: 4, p50Ms: 3, maxMs: 50, errorsByStatus: { 429: 2, 500: 1 } });
    expect(summary.byKind['case-status']).toBeUndefined();
    expect(summary.overall).toMatchObject({ requests: 104, perSecond: 10.4, errorsByStatus: { 429: 2, 500: 1 } });
    expect(summary.noAnswer).toEqual({ errors: 1, timeouts: 0 });
  });

  it('reports zeros, not NaN, for a run that got no answer', () => {
    expect(summariseAnswers([], 0).overall).toEqual({
      requests: 0,
      perSecond: 0,
      p50Ms: 0,
      p95Ms: 0,
      p99Ms: 0,
      maxMs: 0,
      errorsByStatus: {},
    });
  });

  it('keeps p50 <= p95 <= p99 <= max and the kinds adding up to the whole, for any answers', () => {
    const answer = fc.record({
      kind: fc.constantFrom(...REQUEST_KINDS),
      status: fc.constantFrom(200, 201, 204, 400, 404, 429, 500, 503),
      ms: fc.double({ min: 0, max: 60_000, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(answer, { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0.1, max: 600, noNaN: true }),
        (answers, seconds) => {
          const summary = summariseAnswers(answers, seconds);
          for (const figures of [summary.overall, ...Object.values(summary.byKind)]) {
            expect(figures.p50Ms).toBeLessThanOrEqual(figures.p95Ms);
            expect(figures.p95Ms).toBeLessThanOrEqual(figures.p99Ms);
            expect(figures.p99Ms).toBeLessThanOrEqual(figures.maxMs);
          }
          const perKind = Object.values(summary.byKind).reduce((sum, f) => sum + f.requests, 0);
          expect(perKind).toBe(summary.overall.requests);
          const errors = (f: { errorsByStatus: Record<string, number> }) => Object.values(f.errorsByStatus).reduce((s, n) => s + n, 0);
          expect(Object.values(summary.byKind).reduce((sum, f) => sum + errors(f), 0)).toBe(errors(summary.overall));
        },
      ),
    );
  });
});
