/** The load run's figures as a table for people and one JSON line for scripts. Pure. */
import type { LoadOptions } from './load-args.js';
import type { KindFigures, LatencySummary } from './latency-summary.js';
import type { LagSummary } from './queue-lag.js';
import { REQUEST_KINDS } from './traffic-mix.js';

export interface LoadFigures {
  date: string;
  machine: { cores: number; memoryGiB: number; loadAverage1m: number; loadAverage1mAtEnd: number };
  options: Omit<LoadOptions, 'json' | 'mix' | 'apiUrl'> & { mix: string };
  /** whether the run started the API and its workers, or drove one already running (--api-url) */
  service: 'started by the run' | 'already running';
  /** the settings the run raised, so that it measures the service and not its rate limiter */
  raisedSettings: Record<string, string>;
  latency: LatencySummary;
  lag: LagSummary;
  /** CPU the API and the workers used during the run (not the drain); null when the service was not ours */
  cpu: { apiS: number; workersS: number; apiMsPerRequest: number } | null;
}

const errors = (f: KindFigures) =>
  Object.entries(f.errorsByStatus)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ') || '-';

function row(name: string, f: KindFigures): string {
  const cells = [name.padEnd(13), String(f.requests).padStart(8), f.perSecond.toFixed(1).padStart(8)];
  cells.push(...[f.p50Ms, f.p95Ms, f.p99Ms, f.maxMs].map((ms) => ms.toFixed(1).padStart(9)), `  ${errors(f)}`);
  return cells.join(' ');
}

export function loadTable(figures: LoadFigures): string {
  const { latency, lag } = figures;
  const lines = [
    `load run ${figures.date}: ${figures.machine.cores} cores, ${figures.machine.memoryGiB} GiB, load average ${figures.machine.loadAverage1m} at the start, ${figures.machine.loadAverage1mAtEnd} at the end`,
    `mix ${figures.options.mix}; ${figures.options.connections} connections; at most ${figures.options.amount} requests or ${figures.options.durationS} s; ${
      figures.service === 'started by the run'
        ? `API and ${figures.options.workers} worker(s) started by the run`
        : 'an API already running'
    }`,
    Object.keys(figures.raisedSettings).length === 0
      ? "settings: the running service's own (rate limits not raised by this run)"
      : `raised for this run: ${Object.entries(figures.raisedSettings)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
    '',
    `${'kind'.padEnd(13)} ${'requests'.padStart(8)} ${'per s'.padStart(8)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'max ms'.padStart(9)}   non-2xx by status`,
  ];
  for (const kind of REQUEST_KINDS) {
    const f = latency.byKind[kind];
    if (f) lines.push(row(kind, f));
  }
  lines.push(row('overall', latency.overall));
  lines.push(
    `no answer: ${latency.noAnswer.errors} connection errors, ${latency.noAnswer.timeouts} timeouts; measured ${latency.durationS} s`,
  );
  if (figures.cpu) {
    const { apiS, apiMsPerRequest, workersS } = figures.cpu;
    lines.push(`CPU during the run: API ${apiS} s (${apiMsPerRequest} ms per request), workers ${workersS} s`);
  }
  lines.push('');
  const peak = (p: LagSummary['during']) =>
    `${p.maxWaiting} waiting (oldest ${p.maxOldestWaitingAgeS} s), outbox ${p.maxOutboxBacklog} (oldest ${p.maxOldestOutboxAgeS} s) over ${p.samples} samples`;
  lines.push(`match queue during the run: at most ${peak(lag.during)}`);
  lines.push(`match queue after the run:  at most ${peak(lag.after)}`);
  lines.push(
    lag.drainedAfterS === null
      ? 'queue and outbox not empty within the drain limit'
      : `queue and outbox empty ${lag.drainedAfterS} s after the run`,
  );
  return lines.join('\n');
}
