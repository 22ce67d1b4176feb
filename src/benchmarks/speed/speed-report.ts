import { round } from '../support/stats.js';
import type { DistributionSummary } from './describe-distribution.js';
import type { Prewarmed } from './prewarm.js';

/** The headline figures, in the order of the JSON line. */
export interface SpeedFigures {
  records: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  queueE2eP50Ms: number;
  throughputPerS: number;
  fuseScanP50Ms: number;
  trgmP50Ms: number;
  speedupVsFuse: number;
  speedupVsTrgm: number;
  recall: number;
  fuseRecall: number;
  trgmRecall: number;
  workerRssMb: number;
}

const FIGURE_KEYS: ReadonlyArray<keyof SpeedFigures> = [
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
];

/** What the table shows besides the figures. */
export interface SpeedDetails {
  measuredQueries: number;
  warmupQueries: number;
  /** queries the recalls are pooled over (all measured ones, or the fuse sample) */
  recallQueries: number;
  fuseQueries: number;
  engineRecallAllQueries: number;
  /** share of the true matches blocking returned at all (whatever their rank): what the candidate cap lets through */
  blockedShare: number;
  trgmRecallAllQueries: number;
  e2eQueries: number;
  e2eTimedOut: number;
  e2eP95Ms: number;
  rescored: number;
  rescoreSeconds: number;
  failedAttempts: number;
  /** CPU time of the benchmark's process per match (the Node side of matchPerson), median */
  matchCpuP50Ms: number;
  blockingP50Ms: number;
  blockingP95Ms: number;
  candidatesScoredP50: number;
  candidatesScoredP95: number;
  trgmP95Ms: number;
  workerRssMb: number[];
  loadSeconds: number;
  secondsPer100k: number[];
  reused: boolean;
  /** the machine's 1-minute load average when measuring began and ended (the machine may be shared) */
  loadAverage: [number, number];
  /** the working set read into the file cache before timing (decision 0034) */
  prewarmed: Prewarmed;
  distribution: DistributionSummary;
}

const ROUNDING: Partial<Record<keyof SpeedFigures, number>> = {
  recall: 3,
  fuseRecall: 3,
  trgmRecall: 3,
  throughputPerS: 1,
  workerRssMb: 1,
};

/** Rounded figures; NaN (a figure that could not be measured) becomes null in JSON. */
export function roundFigures(figures: SpeedFigures): SpeedFigures {
  const rounded = { ...figures };
  for (const key of FIGURE_KEYS) {
    if (key === 'records') continue;
    rounded[key] = round(figures[key], ROUNDING[key] ?? 2);
  }
  return rounded;
}

/** One JSON object, keys in the documented order. */
export function figuresJson(figures: SpeedFigures): string {
  const rounded = roundFigures(figures);
  return JSON.stringify(Object.fromEntries(FIGURE_KEYS.map((key) => [key, Number.isFinite(rounded[key]) ? rounded[key] : null])));
}

const pct = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)} %` : 'n/a');
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)} ms` : 'n/a');

/** The same figures as a readable table, with the context needed to read them. */
export function figuresTable(figures: SpeedFigures, details: SpeedDetails): string {
  const f = roundFigures(figures);
  const d = details.distribution;
  const rows: Array<[string, string]> = [
    ['records stored (sought persons; each request also has an enquirer)', String(f.records)],
    [`match one new record, in-process (${details.measuredQueries} queries after ${details.warmupQueries} warm-up)`, ''],
    ['  p50 / p95 / p99', `${ms(f.p50Ms)} / ${ms(f.p95Ms)} / ${ms(f.p99Ms)}`],
    ['  of which Node CPU (matchPerson, user + system), p50', ms(details.matchCpuP50Ms)],
    ['  the blocking query alone (repeated), p50 / p95', `${ms(details.blockingP50Ms)} / ${ms(details.blockingP95Ms)}`],
    ['  candidates scored per record, p50 / p95', `${details.candidatesScoredP50} / ${details.candidatesScoredP95}`],
    [
      `HTTP response to the true match's candidate row, p50 / p95 (${details.e2eQueries} queries${details.e2eTimedOut ? `, ${details.e2eTimedOut} timed out` : ''})`,
      `${ms(f.queueE2eP50Ms)} / ${ms(details.e2eP95Ms)}`,
    ],
    [
      `forced re-score through the queue, 2 workers (${details.rescored} records in ${details.rescoreSeconds.toFixed(1)} s, ${details.failedAttempts} failed attempts)`,
      `${f.throughputPerS} records/s`,
    ],
    [`fuse.js scan p50 (${details.fuseQueries} queries)`, ms(f.fuseScanP50Ms)],
    ['pg_trgm p50 / p95', `${ms(f.trgmP50Ms)} / ${ms(details.trgmP95Ms)}`],
    ['speed-up vs fuse.js / vs pg_trgm', `${f.speedupVsFuse}x / ${f.speedupVsTrgm}x`],
    [
      `top-10 recall over ${details.recallQueries} queries: engine / fuse.js / pg_trgm`,
      `${pct(f.recall)} / ${pct(f.fuseRecall)} / ${pct(f.trgmRecall)}`,
    ],
    [`  true matches among all the engine's blocked candidates (${details.measuredQueries} queries)`, pct(details.blockedShare)],
  ];
  if (details.recallQueries !== details.measuredQueries) {
    rows.push([
      `top-10 recall over all ${details.measuredQueries} queries: engine / pg_trgm`,
      `${pct(details.engineRecallAllQueries)} / ${pct(details.trgmRecallAllQueries)}`,
    ]);
  }
  rows.push(
    ['load average (1 min) when measuring began / ended', details.loadAverage.map((l) => l.toFixed(2)).join(' / ')],
    [
      'working set read into the file cache before timing',
      details.prewarmed.done ? `${details.prewarmed.megabytes} MB in ${details.prewarmed.seconds.toFixed(1)} s` : 'no',
    ],
    ['worker resident memory at the end (each worker)', details.workerRssMb.map((mb) => `${mb.toFixed(1)} MB`).join(', ')],
    [
      details.reused ? 'data set reused; its load took' : 'data set loaded in',
      `${details.loadSeconds} s${details.secondsPer100k.length ? ` (per 100k: ${details.secondsPer100k.join(', ')} s)` : ''}`,
    ],
    [
      `generator (first ${d.described} records): 10 most frequent names carried by`,
      `${pct(d.topTenShare)} of records (${d.topNames.map((n) => n.name).join(', ')})`,
    ],
    [
      '  groups by records per human (1 / 2 / 3); records with a true match',
      `${d.groupsBySize['1'] ?? 0} / ${d.groupsBySize['2'] ?? 0} / ${d.groupsBySize['3'] ?? 0}; ${pct(d.shareWithTrueMatch)}`,
    ],
    ['  native script / typo / findable enquirer', `${pct(d.nativeScriptShare)} / ${pct(d.typoShare)} / ${pct(d.findableEnquirerShare)}`],
  );
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`.trimEnd()).join('\n');
}
