import { summariseAnswers } from './latency-summary.js';
import { type LoadFigures, loadTable } from './load-report.js';
import { summariseLag } from './queue-lag.js';

const figures = (raisedSettings: Record<string, string>): LoadFigures => ({
  date: '2026-11-26T18:00:00.000Z',
  machine: { cores: 2, memoryGiB: 24, loadAverage1m: 1.5, loadAverage1mAtEnd: 3 },
  options: { durationS: 30, amount: 100, connections: 4, workers: 1, seedPairs: 2, drainS: 10, mix: 'create=1,read=1' },
  service: Object.keys(raisedSettings).length > 0 ? 'started by the run' : 'already running',
  raisedSettings,
  latency: summariseAnswers(
    [
      { kind: 'create', status: 201, ms: 12 },
      { kind: 'read', status: 429, ms: 3 },
    ],
    2,
  ),
  lag: summariseLag([], 2),
  cpu: { apiS: 1.5, workersS: 0.25, apiMsPerRequest: 750 },
});

describe('loadTable', () => {
  it('names the raised settings, every kind that ran, the overall row, the errors and the queue', () => {
    const table = loadTable(figures({ RATE_LIMIT_READS_PER_MINUTE: '1000000' }));
    expect(table).toContain('raised for this run: RATE_LIMIT_READS_PER_MINUTE=1000000');
    expect(table).toContain('API and 1 worker(s) started by the run');
    expect(table).toMatch(/^create\s+1\s+0\.5\s+12\.0/m);
    expect(table).toMatch(/^read\s+1 .*429×1$/m);
    expect(table).toMatch(/^overall\s+2\s+1\.0/m);
    expect(table).not.toMatch(/^case-status/m);
    expect(table).toContain('queue and outbox not empty within the drain limit');
    expect(table).toContain('CPU during the run: API 1.5 s (750 ms per request), workers 0.25 s');
  });

  it('says so when the running service kept its own settings', () => {
    const table = loadTable(figures({}));
    expect(table).toContain('rate limits not raised by this run');
    expect(table).toContain('an API already running');
  });
});
