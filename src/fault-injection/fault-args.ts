import { parseArgs } from 'node:util';

export interface FaultOptions {
  /** worker processes killed with SIGKILL while they hold a match job, each restarted at once */
  kills: number;
  /** restarts of Redis and, separately, of PostgreSQL */
  restarts: number;
  /** worker processes running side by side (one is killed at a time) */
  workers: number;
  /** tracing requests submitted per second, all clients together */
  rate: number;
  /** seconds each restarted server stays down while traffic goes on */
  downSeconds: number;
  /** seconds allowed, after the last fault, for every accepted record version to be matched */
  recoverySeconds: number;
  /** keep the run's folder (databases and process logs) even when the run passes */
  keep: boolean;
  /** print the summary as one JSON object on stdout instead of text */
  json: boolean;
}

export const USAGE = `usage: npm run test:faults -- --kills N --restarts M [--workers W] [--rate R] [--down-seconds D]
  [--recovery-seconds S] [--keep] [--json]`;

export class UsageError extends Error {}

function integer(name: string, value: string | undefined, fallback: number | undefined, min: number, max: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number`);
  const parsed = Number(value);
  if (parsed < min || parsed > max) throw new UsageError(`--${name} must be between ${min} and ${max}`);
  return parsed;
}

export function parseFaultArgs(argv: readonly string[]): FaultOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        kills: { type: 'string' },
        restarts: { type: 'string' },
        workers: { type: 'string' },
        rate: { type: 'string' },
        'down-seconds': { type: 'string' },
        'recovery-seconds': { type: 'string' },
        keep: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    kills: integer('kills', values.kills, undefined, 0, 10_000),
    restarts: integer('restarts', values.restarts, undefined, 0, 100),
    // Two workers: the survivor's stalled-job check recovers the dead one's jobs while it restarts.
    workers: integer('workers', values.workers, 2, 1, 8),
    rate: integer('rate', values.rate, 4, 1, 200),
    downSeconds: integer('down-seconds', values['down-seconds'], 3, 0, 300),
    recoverySeconds: integer('recovery-seconds', values['recovery-seconds'], 600, 10, 3600),
    keep: values.keep ?? false,
    json: values.json ?? false,
  };
}
