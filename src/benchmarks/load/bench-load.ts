/**
 * npm run bench:load: the API and worker entry points as processes on a PostgreSQL and Redis of
 * the benchmark's own, driven over loopback by autocannon with a mix of create, read, case-status
 * and review traffic from signed-in staff (second factor included), bounded in requests and time.
 * Prints throughput, p50/p95/p99 per kind and overall, non-2xx answers by status, and the match
 * queue's lag during and after the run; `--json` adds the figures as one JSON line, last.
 */
import 'reflect-metadata';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Prng } from '../datasets/prng.js';
import { startServiceProcesses } from '../speed/service-processes.js';
import { say } from '../speed/progress.js';
import { benchRoot, openBenchServices } from '../support/bench-services.js';
import { round } from '../support/stats.js';
import { prepareAccounts } from './bench-accounts.js';
import { driveLoad } from './drive-load.js';
import { summariseAnswers } from './latency-summary.js';
import { cpuSeconds } from './process-cpu.js';
import { LOAD_USAGE, LoadUsageError, parseLoadArgs, type LoadOptions } from './load-args.js';
import { type LoadFigures, loadTable } from './load-report.js';
import { type LagSample, openLagProbe, summariseLag } from './queue-lag.js';
import { formatMix } from './traffic-mix.js';
import { seedRequests } from './seed-requests.js';

/** The service's limits are per user and minute; a load run from four users would measure 429s without this. */
const RAISED_SETTINGS = {
  RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
  RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
  RATE_LIMIT_READS_PER_MINUTE: '1000000',
  TOKEN_TTL_SECONDS: '3600',
};

/** Our own API and workers, or (with --api-url) the running service, whose settings are its own. */
async function serviceUnderLoad(options: LoadOptions, services: { databaseUrl: string; redisUrl: string }) {
  if (options.apiUrl) {
    if (!process.env.BENCH_DATABASE_URL || !process.env.BENCH_REDIS_URL) {
      throw new LoadUsageError('--api-url needs BENCH_DATABASE_URL and BENCH_REDIS_URL: the database and Redis of that API');
    }
    say(
      `using the API at ${options.apiUrl}; its rate limits are its own: start it with ${raisedText()} to measure the service, not its limiter`,
    );
    return { apiUrl: options.apiUrl, raised: {}, pids: null, stop: () => Promise.resolve() };
  }
  say(`starting the API and ${options.workers} worker(s); raised for this run: ${raisedText()}`);
  const processes = await startServiceProcesses({
    ...services,
    workers: options.workers,
    logDir: join(benchRoot(), 'load', 'logs'),
    extraEnv: RAISED_SETTINGS,
  });
  const pids = { api: processes.apiPid, workers: processes.workerPids };
  return { apiUrl: processes.apiUrl, raised: RAISED_SETTINGS, pids, stop: () => processes.stop() };
}

const raisedText = () =>
  Object.entries(RAISED_SETTINGS)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

/** CPU seconds of the API and of all workers together; null for a running service we did not start. */
async function cpuOf(pids: { api: number; workers: number[] } | null): Promise<{ api: number; workers: number } | null> {
  if (!pids) return null;
  const workers = await Promise.all(pids.workers.map(cpuSeconds));
  return { api: await cpuSeconds(pids.api), workers: workers.reduce((sum, s) => sum + s, 0) };
}

function cpuUse(before: { api: number; workers: number } | null, after: typeof before, requests: number): LoadFigures['cpu'] {
  if (!before || !after) return null;
  const api = after.api - before.api;
  return {
    apiS: round(api, 2),
    workersS: round(after.workers - before.workers, 2),
    apiMsPerRequest: requests ? round((api * 1000) / requests, 2) : 0,
  };
}

const loadAverage = () => round(loadavg()[0], 2);

async function main(options: LoadOptions): Promise<void> {
  const date = new Date().toISOString();
  const machine = { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverage1m: loadAverage() };
  const services = await openBenchServices('load');
  const pool = new pg.Pool({ connectionString: services.databaseUrl, max: 2 });
  const processes = await serviceUnderLoad(options, services).catch(async (error: unknown) => {
    await pool.end();
    await services.stop();
    throw error;
  });
  const probe = openLagProbe(services.redisUrl, pool);
  try {
    const prng = new Prng(Date.now());
    say('signing in staff with password and TOTP');
    const accounts = await prepareAccounts(pool, processes.apiUrl);
    say(`seeding ${options.seedPairs} reciprocal pairs and waiting for their candidates`);
    const seed = await seedRequests({ apiUrl: processes.apiUrl, pool, accounts, pairs: options.seedPairs, prng });

    say(`driving ${options.connections} connections: at most ${options.amount} requests or ${options.durationS} s`);
    const samples: LagSample[] = [];
    let started = 0;
    const since = () => (performance.now() - started) / 1000;
    const cpuBefore = await cpuOf(processes.pids);
    // A sample that fails (e.g. Redis busy past its timeout) is reported and skipped, not fatal to the run.
    const takeSample = () =>
      probe.sample('during', since()).then(
        (s) => samples.push(s),
        (error: Error) => say(`a queue sample failed: ${error.message}`),
      );
    const sampler = setInterval(() => void takeSample(), 1000);
    const run = await driveLoad({ apiUrl: processes.apiUrl, accounts, seed, prng, ...options }, () => (started = performance.now()));
    clearInterval(sampler);
    const runEndS = since();
    const cpuAfter = await cpuOf(processes.pids);
    say(`run over after ${round(run.durationS, 1)} s; watching the queue drain for up to ${options.drainS} s`);
    for (;;) {
      const sample = await probe.sample('after', since());
      samples.push(sample);
      const empty = sample.waiting + sample.active + sample.delayed + sample.outboxBacklog === 0;
      if (empty || since() - runEndS > options.drainS) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }

    const { json: _json, apiUrl: _url, mix, ...rest } = options;
    const figures: LoadFigures = {
      date,
      machine: { ...machine, loadAverage1mAtEnd: loadAverage() },
      options: { ...rest, mix: formatMix(mix) },
      service: processes.pids ? 'started by the run' : 'already running',
      raisedSettings: processes.raised,
      latency: summariseAnswers(run.answers, run.durationS, { errors: run.errors, timeouts: run.timeouts }),
      lag: summariseLag(samples, runEndS),
      cpu: cpuUse(cpuBefore, cpuAfter, run.answers.length),
    };
    process.stdout.write(`${loadTable(figures)}\n`);
    if (options.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await probe.close();
    await processes.stop();
    await pool.end();
    await services.stop();
  }
}

let options: LoadOptions;
try {
  options = parseLoadArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof LoadUsageError)) throw error;
  process.stderr.write(`${error.message}\n${LOAD_USAGE}\n`);
  process.exit(64);
}
try {
  await main(options);
} catch (error) {
  if (!(error instanceof LoadUsageError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(64);
}
