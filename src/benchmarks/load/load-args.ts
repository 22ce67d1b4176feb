import { parseArgs } from 'node:util';
import { DEFAULT_MIX, parseMix, type TrafficMix } from './traffic-mix.js';

export interface LoadOptions {
  /** longest the measured run may last, seconds */
  durationS: number;
  /** most requests the measured run sends, all connections together */
  amount: number;
  connections: number;
  /** worker processes the benchmark starts beside its API */
  workers: number;
  mix: TrafficMix;
  /** tracing requests created (by reciprocal pairs) before the run, for the reads and the review queue */
  seedPairs: number;
  /** longest wait, after the run, for the match queue and the outbox to drain, seconds */
  drainS: number;
  json: boolean;
  /** an API already running on loopback (its database and Redis named by BENCH_DATABASE_URL and BENCH_REDIS_URL) */
  apiUrl?: string;
}

export const LOAD_USAGE = `usage: npm run --silent bench:load -- [--duration S] [--amount N] [--connections C] [--workers W]
  [--mix create=20,read=35,case-status=20,review-queue=10,review-view=15] [--seed-pairs P] [--drain S] [--json]
  [--api-url http://127.0.0.1:PORT  (a running API; needs BENCH_DATABASE_URL and BENCH_REDIS_URL)]`;

export class LoadUsageError extends Error {}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.replace(/_/g, ''))) throw new LoadUsageError(`--${name} must be a whole number`);
  const parsed = Number(value.replace(/_/g, ''));
  if (parsed < min || parsed > max) throw new LoadUsageError(`--${name} must be between ${min} and ${max}`);
  return parsed;
}

/** The benchmark drives loopback only: it sends real tokens and made-up personal data. */
function loopbackUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new LoadUsageError('--api-url must be a URL');
  }
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || url.pathname !== '/') {
    throw new LoadUsageError('--api-url must be http://127.0.0.1:PORT (loopback, no path)');
  }
  return url.origin;
}

/** Every bound has a ceiling: the benchmark must end on a shared machine whatever it is given. */
export function parseLoadArgs(argv: readonly string[]): LoadOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        duration: { type: 'string' },
        amount: { type: 'string' },
        connections: { type: 'string' },
        workers: { type: 'string' },
        mix: { type: 'string' },
        'seed-pairs': { type: 'string' },
        drain: { type: 'string' },
        json: { type: 'boolean', default: false },
        'api-url': { type: 'string' },
      },
    });
  } catch (error) {
    throw new LoadUsageError((error as Error).message);
  }
  const { values } = parsed;
  const connections = integer('connections', values.connections, 16, 1, 256);
  const amount = integer('amount', values.amount, 20_000, 1, 1_000_000);
  if (amount < connections) throw new LoadUsageError('--amount must be at least --connections');
  let mix = DEFAULT_MIX;
  if (values.mix !== undefined) {
    try {
      mix = parseMix(values.mix);
    } catch (error) {
      throw new LoadUsageError((error as Error).message);
    }
  }
  return {
    ...(values['api-url'] !== undefined && { apiUrl: loopbackUrl(values['api-url']) }),
    durationS: integer('duration', values.duration, 30, 1, 600),
    amount,
    connections,
    workers: integer('workers', values.workers, 1, 1, 8),
    mix,
    seedPairs: integer('seed-pairs', values['seed-pairs'], 20, 1, 500),
    drainS: integer('drain', values.drain, 60, 0, 600),
    json: values.json ?? false,
  };
}
