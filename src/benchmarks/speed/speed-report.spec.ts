import { figuresJson, figuresTable, type SpeedDetails, type SpeedFigures } from './speed-report.js';

const figures: SpeedFigures = {
  records: 1000,
  p50Ms: 1.23456,
  p95Ms: 5,
  p99Ms: 9,
  queueE2eP50Ms: 40,
  throughputPerS: 1234.56,
  fuseScanP50Ms: 500,
  trgmP50Ms: 20,
  speedupVsFuse: 405.0,
  speedupVsTrgm: 16.2,
  recall: 0.95678,
  fuseRecall: 0.8,
  trgmRecall: Number.NaN,
  workerRssMb: 150.04,
};

describe('speed benchmark report', () => {
  it('writes the figures as one JSON object with the keys in the documented order, unmeasured ones as null', () => {
    const json = figuresJson(figures);
    expect(json).not.toContain('\n');
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed)).toEqual([
      'records',
      'p50Ms',
      'p95Ms',
      'p99Ms',
      'queueE2eP50Ms',
      'throughputPerS',
      'fuseScanP50Ms',
      'trgmP50Ms',
      'speedupVsFuse',
      'speedupVsTrgm',
      'recall',
      'fuseRecall',
      'trgmRecall',
      'workerRssMb',
    ]);
    expect(parsed).toMatchObject({ records: 1000, p50Ms: 1.23, recall: 0.957, throughputPerS: 1234.6, trgmRecall: null });
  });

  it('prints the same figures as a table', () => {
    const details: SpeedDetails = {
      measuredQueries: 200,
      warmupQueries: 20,
      recallQueries: 200,
      fuseQueries: 200,
      engineRecallAllQueries: 0.95678,
      blockedShare: 0.99,
      trgmRecallAllQueries: Number.NaN,
      e2eQueries: 40,
      e2eTimedOut: 0,
      e2eP95Ms: 80,
      rescored: 1000,
      rescoreSeconds: 1,
      failedAttempts: 0,
      matchCpuP50Ms: 1,
      blockingP50Ms: 0.5,
      blockingP95Ms: 1,
      candidatesScoredP50: 50,
      candidatesScoredP95: 200,
      trgmP95Ms: 30,
      workerRssMb: [150, 140],
      loadSeconds: 3,
      secondsPer100k: [],
      reused: false,
      loadAverage: [0.5, 1.5],
      prewarmed: { done: true, megabytes: 512, seconds: 2 },
      distribution: {
        described: 1000,
        topNames: [{ name: 'Mohammed (arabic male)', share: 0.1 }],
        topTenShare: 0.3,
        distinctNames: 900,
        groupsBySize: { 1: 5 },
        shareWithTrueMatch: 0.4,
        cultures: { arabic: 1 },
        nativeScriptShare: 0.5,
        typoShare: 0.1,
        findableEnquirerShare: 0.7,
      },
    };
    const table = figuresTable(figures, details);
    expect(table).toContain('1.23 ms');
    expect(table).toContain('95.7 %');
    expect(table).toContain('Mohammed (arabic male)');
    expect(table).toContain('99.0 %');
    expect(table).toContain('0.50 / 1.50');
  });
});
