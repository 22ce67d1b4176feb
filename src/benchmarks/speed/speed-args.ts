import { parseArgs } from 'node:util';

export interface SpeedOptions {
  records: number;
  seed: number;
  /** query records in all, the warm-up ones included */
  queries: number;
  warmup: number;
  json: boolean;
  loadOnly: boolean;
  /** queries sent through the HTTP API, the outbox, the queue and a worker */
  e2eQueries: number;
  /** stored records re-scored through the queue for the throughput figure */
  rescoreRecords: number;
  /** measured queries the fuse.js scan runs (it scans every record, so large sets get a sample) */
  fuseQueries: number;
  workers: number;
  /** print EXPLAIN ANALYZE of the slowest blocking queries to stderr */
  explain: boolean;
  /** 'off': a data set of plaintext names and keys, to measure what sealing costs (in-process figures only) */
  encryption: 'on' | 'off';
}

export const USAGE = `usage: npm run --silent bench:speed -- --records N [--json] [--load-only] [--seed S] [--queries Q]
  [--warmup W] [--e2e-queries K] [--rescore-records R] [--fuse-queries F] [--explain] [--encryption on|off]`;

export class UsageError extends Error {}

function integer(name: string, value: string | undefined, fallback: number | undefined, min: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  if (!/^\d+$/.test(value.replace(/_/g, ''))) throw new UsageError(`--${name} must be a whole number`);
  const parsed = Number(value.replace(/_/g, ''));
  if (parsed < min) throw new UsageError(`--${name} must be at least ${min}`);
  return parsed;
}

/** Above this many records the fuse.js scan is timed on a sample of the queries by default. */
export const FUSE_FULL_SCAN_LIMIT = 200_000;

export function parseSpeedArgs(argv: readonly string[]): SpeedOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      records: { type: 'string' },
      seed: { type: 'string' },
      queries: { type: 'string' },
      warmup: { type: 'string' },
      json: { type: 'boolean', default: false },
      'load-only': { type: 'boolean', default: false },
      'e2e-queries': { type: 'string' },
      'rescore-records': { type: 'string' },
      'fuse-queries': { type: 'string' },
      explain: { type: 'boolean', default: false },
      encryption: { type: 'string', default: 'on' },
    },
  });
  if (values.encryption !== 'on' && values.encryption !== 'off') throw new UsageError('--encryption must be on or off');
  const records = integer('records', values.records, undefined, 30);
  const warmup = integer('warmup', values.warmup, 20, 0);
  const queries = integer('queries', values.queries, 220, warmup + 1);
  if (queries * 3 > records) throw new UsageError(`${queries} queries need at least ${queries * 3} records (--records)`);
  const measured = queries - warmup;
  return {
    records,
    seed: integer('seed', values.seed, 1, 0),
    queries,
    warmup,
    json: values.json,
    loadOnly: values['load-only'],
    e2eQueries: Math.min(measured, integer('e2e-queries', values['e2e-queries'], 40, 1)),
    rescoreRecords: Math.min(records, integer('rescore-records', values['rescore-records'], 10_000, 1)),
    fuseQueries: Math.min(measured, integer('fuse-queries', values['fuse-queries'], records > FUSE_FULL_SCAN_LIMIT ? 40 : measured, 1)),
    workers: 2,
    explain: values.explain,
    encryption: values.encryption,
  };
}
