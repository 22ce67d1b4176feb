/**
 * `npm run --silent bench:speed -- --records N [--json]`: the matcher's speed against two baselines
 * on a generated multilingual data set of N records, loaded once into a PostgreSQL of its own and
 * reused (see generate-people.ts for the data, load-dataset.ts for the load, the measure-*.ts files
 * for each figure). Progress goes to stderr; the figures to stdout, with --json as one JSON line last.
 */
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { benchRoot, openBenchKeys, openBenchServices } from '../support/bench-services.js';
import { median, quantile } from '../support/stats.js';
import { baselineName } from './baseline-names.js';
import { datasetFolder, datasetIdentity, socketPathLength } from './dataset-folder.js';
import { queryRecords, rescoreSample } from './generate-people.js';
import { openDataset, type LoadedDataset } from './load-dataset.js';
import { measureFuse, measureTrgm, readBaselineNames } from './measure-baselines.js';
import { matchQuantiles, measureInProcess, type QueryOutcome } from './measure-in-process.js';
import { logInAsOfficer, measureQueueE2e } from './measure-queue-e2e.js';
import { emptyQueue, measureThroughput } from './measure-throughput.js';
import { hasWorkerNodeFlags, WORKER_NODE_FLAGS } from '../../worker-node-flags.js';
import { prewarmWorkingSet } from './prewarm.js';
import { say } from './progress.js';
import { pooledRecall } from './recall.js';
import { lockDataset, resetRunState } from './run-state.js';
import { startServiceProcesses } from './service-processes.js';
import { parseSpeedArgs, UsageError, USAGE, type SpeedOptions } from './speed-args.js';
import { figuresJson, figuresTable, type SpeedDetails, type SpeedFigures } from './speed-report.js';

const cleanups: Array<() => Promise<void>> = [];
let cleaning: Promise<void> | undefined;

/** Stops what was started, newest first; a second call (a signal during a failure) waits for the first. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        say(`while stopping: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}

async function main(options: SpeedOptions): Promise<void> {
  const identity = datasetIdentity(options.records, options.seed, options.encryption);
  const folder = datasetFolder(identity);
  const root = benchRoot();
  if (!process.env.BENCH_DATABASE_URL && socketPathLength(root, folder) > 107) {
    throw new Error(`the data set folder ${join(root, folder)} is too deep for a PostgreSQL socket; set BENCH_DIR to a shorter folder`);
  }
  await mkdir(root, { recursive: true, mode: 0o711 });
  cleanups.push(await lockDataset(join(root, `${folder}.lock`)));
  if (!hasWorkerNodeFlags()) {
    say(
      `note: started without the worker's Node flags (${WORKER_NODE_FLAGS.join(' ')}), which npm run bench:speed gives: in-process times differ from a worker's`,
    );
  }
  say(`data set ${folder}: starting its PostgreSQL and Redis`);
  const services = await openBenchServices(folder);
  cleanups.push(services.stop);
  const pool = new pg.Pool({ connectionString: services.databaseUrl, max: 4 });
  cleanups.push(() => pool.end());

  const keys = await openBenchKeys(services.databaseUrl);
  cleanups.push(() => keys.close());
  const { dataset, reused } = await openDataset(pool, identity, keys);
  if (reused) say(`data set reused (loaded in ${dataset.loadSeconds} s)`);
  if (options.loadOnly) {
    say(`load only: ${options.records} records ready; per 100k: ${dataset.secondsPer100k.join(', ') || 'n/a'} s`);
    return;
  }
  const figures = await measure(options, services, pool, dataset, reused);
  if (options.json) {
    say(figuresTable(figures.figures, figures.details));
    process.stdout.write(`${figuresJson(figures.figures)}\n`);
  } else {
    process.stdout.write(`${figuresTable(figures.figures, figures.details)}\n`);
  }
}

const notMeasuredWithoutEncryption = {
  e2eQueries: [],
  e2e: { times: [], timedOut: 0 },
  sample: [],
  throughput: { throughputPerS: Number.NaN, seconds: Number.NaN, failedAttempts: 0 },
  workerRssMb: [],
};

/** The queue's end-to-end time and the bulk re-score, through the real API, queue and two worker processes. */
async function measureThroughTheService(
  options: SpeedOptions,
  services: { databaseUrl: string; redisUrl: string },
  pool: pg.Pool,
  dataset: LoadedDataset,
  measured: readonly QueryOutcome[],
) {
  await resetRunState(pool, dataset);
  await emptyQueue(services.redisUrl);
  say(`starting the API and ${options.workers} workers`);
  const logDir = join(benchRoot(), datasetFolder(dataset.identity), 'logs');
  const processes = await startServiceProcesses({ ...services, workers: options.workers, logDir });
  cleanups.push(processes.stop);
  const token = await logInAsOfficer(pool, processes.apiUrl, dataset);
  const e2eQueries = measured.filter((o) => o.trueMatchStored).slice(0, options.e2eQueries);
  say(`queue end-to-end: ${e2eQueries.length} requests through the API`);
  const e2e = await measureQueueE2e({ pool, apiUrl: processes.apiUrl, token, queries: e2eQueries.map((o) => o.query) });
  const sample = rescoreSample(options.seed, options.records, options.rescoreRecords);
  say(`throughput: re-scoring ${sample.length} stored records with ${options.workers} workers`);
  const throughput = await measureThroughput({ pool, redisUrl: services.redisUrl, personIds: sample });
  const workerRssMb = await processes.workerRssMb();
  await processes.stop();
  return { e2eQueries, e2e, sample, throughput, workerRssMb };
}

async function measure(
  options: SpeedOptions,
  services: { databaseUrl: string; redisUrl: string },
  pool: pg.Pool,
  dataset: LoadedDataset,
  reused: boolean,
): Promise<{ figures: SpeedFigures; details: SpeedDetails }> {
  await resetRunState(pool, dataset);
  await emptyQueue(services.redisUrl);
  const prewarmed = await prewarmWorkingSet(pool);
  say(prewarmed.done ? `prewarmed ${prewarmed.megabytes} MB in ${prewarmed.seconds.toFixed(1)} s` : `not prewarmed: ${prewarmed.reason}`);
  const loadAtStart = loadavg()[0];
  const queries = queryRecords(options.seed, options.records, options.queries);

  say(`in-process: ${options.queries} queries (${options.warmup} warm-up)`);
  const inProcess = await measureInProcess({
    ...services,
    dataset,
    encryption: options.encryption,
    queries,
    warmup: options.warmup,
    explain: options.explain,
  });
  for (const plan of inProcess.explains) say(plan);
  const measured = inProcess.outcomes;
  const unmatched = measured.filter((o) => o.outcome !== 'matched').length;
  if (unmatched > 0) say(`warning: ${unmatched} queries were not matched`);

  const queryNames = measured.map((o) => baselineName(o.query.request.sought.names));
  const warmNames = queries.slice(0, options.warmup).map((q) => baselineName(q.request.sought.names));
  say(`pg_trgm: ${queryNames.length} queries`);
  const trgm = await measureTrgm(pool, queryNames, warmNames);
  say('fuse.js: reading the names');
  const fuse = measureFuse(await readBaselineNames(pool), queryNames.slice(0, options.fuseQueries), warmNames.slice(0, 3));

  // The service's processes seal and blind-index what they write: they can only meet an encrypted set.
  const { e2eQueries, e2e, sample, throughput, workerRssMb } =
    options.encryption === 'on' ? await measureThroughTheService(options, services, pool, dataset, measured) : notMeasuredWithoutEncryption;

  const times = matchQuantiles(measured);
  const recallSet = measured.slice(0, options.fuseQueries);
  const recallOf = (outcomes: readonly QueryOutcome[], ranked: (o: QueryOutcome, i: number) => readonly string[]) =>
    pooledRecall(outcomes.map((o, i) => ({ ranked: ranked(o, i), trueMatchIds: o.query.trueMatchIds })));
  const fuseScanP50Ms = median(fuse.times);
  const trgmP50Ms = median(trgm.times);
  const figures: SpeedFigures = {
    records: options.records,
    p50Ms: times.p50,
    p95Ms: times.p95,
    p99Ms: times.p99,
    queueE2eP50Ms: median(e2e.times),
    throughputPerS: throughput.throughputPerS,
    fuseScanP50Ms,
    trgmP50Ms,
    speedupVsFuse: fuseScanP50Ms / times.p50,
    speedupVsTrgm: trgmP50Ms / times.p50,
    recall: recallOf(recallSet, (o) => o.ranked),
    fuseRecall: recallOf(recallSet, (_, i) => fuse.ranked[i]),
    trgmRecall: recallOf(recallSet, (_, i) => trgm.ranked[i]),
    workerRssMb: Math.max(...workerRssMb),
  };
  const scored = measured.map((o) => o.candidatesScored);
  const details: SpeedDetails = {
    measuredQueries: measured.length,
    warmupQueries: options.warmup,
    recallQueries: recallSet.length,
    fuseQueries: fuse.times.length,
    engineRecallAllQueries: recallOf(measured, (o) => o.ranked),
    blockedShare: pooledRecall(
      measured.map((o) => ({ ranked: o.blocked, trueMatchIds: o.query.trueMatchIds })),
      Infinity,
    ),
    trgmRecallAllQueries: recallOf(measured, (_, i) => trgm.ranked[i]),
    e2eQueries: e2eQueries.length,
    e2eTimedOut: e2e.timedOut,
    e2eP95Ms: quantile(e2e.times, 0.95),
    rescored: sample.length,
    rescoreSeconds: throughput.seconds,
    failedAttempts: throughput.failedAttempts,
    matchCpuP50Ms: median(measured.map((o) => o.matchCpuMs)),
    blockingP50Ms: median(inProcess.blockingMs),
    blockingP95Ms: quantile(inProcess.blockingMs, 0.95),
    candidatesScoredP50: median(scored),
    candidatesScoredP95: quantile(scored, 0.95),
    trgmP95Ms: quantile(trgm.times, 0.95),
    workerRssMb,
    loadSeconds: dataset.loadSeconds,
    secondsPer100k: dataset.secondsPer100k,
    reused,
    loadAverage: [loadAtStart, loadavg()[0]],
    prewarmed,
    distribution: dataset.distribution,
  };
  // Per query, for looking into a run afterwards: where the true matches ranked, and the times.
  const perQuery = measured.map((o, i) => ({
    group: o.query.request.group,
    culture: o.query.request.culture,
    trueMatches: o.query.trueMatchIds.length,
    matchMs: o.matchMs,
    matchCpuMs: o.matchCpuMs,
    candidatesScored: o.candidatesScored,
    /** rank by score among blocked candidates of each true match, -1 when blocking missed it */
    engineRanks: o.query.trueMatchIds.map((id) => o.blocked.indexOf(id)),
    trgmMs: trgm.times[i],
    trgmRanks: o.query.trueMatchIds.map((id) => trgm.ranked[i].indexOf(id)),
    fuseMs: fuse.times[i] ?? null,
    fuseRanks: fuse.ranked[i] ? o.query.trueMatchIds.map((id) => fuse.ranked[i].indexOf(id)) : null,
  }));
  const logDir = join(benchRoot(), datasetFolder(dataset.identity), 'logs');
  await mkdir(logDir, { recursive: true, mode: 0o700 });
  const file = join(logDir, `run-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify({ options, figures, details, e2eMs: e2e.times, perQuery }), { mode: 0o600 });
  say(`per-query details: ${file}`);
  return { figures, details };
}

// Losing stdout early (a closed pipe) must not leave the benchmark's servers running.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
let options: SpeedOptions;
try {
  options = parseSpeedArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) throw error;
  say(`${(error as Error).message}\n${USAGE}`);
  process.exit(64);
}
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopping = true;
    say(`${signal}: stopping`);
    void cleanUp().then(() => process.exit(130));
  });
}
try {
  await main(options);
  await cleanUp();
} catch (error) {
  // After a signal, the failure is only the cleanup pulling the database away: not worth a trace.
  if (!stopping) say(`speed benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await cleanUp();
  process.exit(stopping ? 130 : 1);
}
