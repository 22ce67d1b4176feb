/**
 * `npm run test:faults -- --kills N --restarts M`: the service under faults. Starts its own
 * PostgreSQL and Redis, the API and the workers as processes from dist/, submits tracing requests
 * and edits through HTTP without pause, and meanwhile kills workers holding a match job (SIGKILL,
 * then a new worker), crashes and restarts Redis (once losing its data) and PostgreSQL. Then it
 * checks Postgres: nothing the API accepted is lost, every record's current version gets a finished
 * match run, no candidate pair is stored twice. Prints a summary; exits 1 when any check fails.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { hashPassword } from '../auth/password-hashing.js';
import { runMigrations } from '../database/migrate.js';
import { countPairs, countUnmatched, findLostWork } from './fault-checks.js';
import { type FaultOptions, parseFaultArgs, USAGE, UsageError } from './fault-args.js';
import { type Fault, planFaults } from './fault-plan.js';
import { type FaultProcesses, startFaultProcesses } from './fault-processes.js';
import { type FaultServices, startFaultServices } from './fault-services.js';
import { countFaults, failures, type FaultSummary, formatSummary } from './fault-summary.js';
import { startTraffic, type Traffic } from './traffic.js';

const say = (line: string) => process.stderr.write(`${line}\n`);
const since = (start: number) => (performance.now() - start) / 1000;

/** Where runs keep their data: never the service's data folder, never the checkout. */
function runFolder(env: NodeJS.ProcessEnv): string {
  const base = env.FAULTS_DIR ?? '/var/tmp/rfl-tracing-faults';
  return join(base, `run-${new Date().toISOString().replace(/[:.]/g, '-')}`);
}

async function seedOfficer(pool: pg.Pool): Promise<{ email: string; password: string }> {
  const password = randomBytes(18).toString('base64url');
  const email = 'officer@faults.example';
  const {
    rows: [organisation],
  } = await pool.query<{ id: string }>(`INSERT INTO organisation (name, code) VALUES ('Fault Run Society', 'fault-run') RETURNING id`);
  await pool.query(
    `INSERT INTO app_user (organisation_id, email, display_name, roles, password_hash) VALUES ($1, $2, 'Fault run officer', '{officer}', $3)`,
    [organisation.id, email, await hashPassword(password)],
  );
  return { email, password };
}

async function waitUntilReady(apiUrl: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${apiUrl}/ready`, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.status === 200) return;
    } catch {
      // not answering yet
    }
    await sleep(100);
  }
  throw new Error(`the API was not ready again within ${timeoutMs / 1000} s`);
}

/** Waits until the worker holds a match job, so the kill lands in the middle of one; false if none came. */
async function waitForJobInHand(processes: FaultProcesses, worker: number, timeoutMs = 15_000): Promise<boolean> {
  await processes.workerReady(worker);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (((await processes.jobsInProgress(worker, 'match-person')) ?? 0) >= 1) return true;
    await sleep(20);
  }
  return false;
}

interface Injected {
  fault: Fault;
  withJobInHand?: boolean;
  readySeconds?: number;
}

async function inject(fault: Fault, ctx: { services: FaultServices; processes: FaultProcesses; options: FaultOptions }): Promise<Injected> {
  const { services, processes, options } = ctx;
  switch (fault.kind) {
    case 'worker-kill': {
      const withJobInHand = await waitForJobInHand(processes, fault.worker);
      await processes.killAndRestartWorker(fault.worker);
      return { fault, withJobInHand };
    }
    case 'redis-restart': {
      await services.crashRedis({ removeData: fault.removeData });
      await sleep(options.downSeconds * 1000);
      await services.startRedisAgain();
      const started = performance.now();
      await waitUntilReady(processes.apiUrl);
      return { fault, readySeconds: since(started) };
    }
    case 'postgres-restart': {
      await services.crashPostgres();
      await sleep(options.downSeconds * 1000);
      await services.startPostgresAgain();
      const started = performance.now();
      await waitUntilReady(processes.apiUrl);
      return { fault, readySeconds: since(started) };
    }
  }
}

/** Polls until no record of an open request lacks a match run of its current version; the seconds it took, or null. */
async function waitUntilAllMatched(pool: pg.Pool, timeoutSeconds: number): Promise<number | null> {
  const started = performance.now();
  let lastSaid = started;
  while (since(started) < timeoutSeconds) {
    const unmatched = await countUnmatched(pool).catch(() => Number.NaN);
    if (unmatched === 0) return since(started);
    if (performance.now() - lastSaid > 10_000) {
      say(`waiting: ${unmatched} record versions not matched yet`);
      lastSaid = performance.now();
    }
    await sleep(250);
  }
  return null;
}

async function run(options: FaultOptions, folder: string): Promise<FaultSummary> {
  const runStarted = performance.now();
  await mkdir(folder, { recursive: true, mode: 0o711 });
  const logDir = join(folder, 'logs');
  await mkdir(logDir, { mode: 0o700 });
  say(`fault run in ${folder}`);

  const services = await startFaultServices(join(folder, 'data'));
  let processes: FaultProcesses | undefined;
  let traffic: Traffic | undefined;
  const pool = new pg.Pool({ connectionString: services.databaseUrl, max: 2 });
  // Idle connections die with each PostgreSQL restart; the pool replaces them.
  pool.on('error', () => undefined);
  try {
    await runMigrations(services.databaseUrl);
    const officer = await seedOfficer(pool);
    processes = await startFaultProcesses({ ...services, workers: options.workers, logDir });
    say(`services and processes up after ${since(runStarted).toFixed(0)} s`);
    traffic = startTraffic({ apiUrl: processes.apiUrl, ...officer, ratePerSecond: options.rate });
    await sleep(3000);

    const plan = planFaults(options);
    const done: Injected[] = [];
    for (const [index, fault] of plan.entries()) {
      // Jobs and requests are in flight around each fault: a short, varying pause between them.
      await sleep(500 + Math.random() * 1000);
      const started = performance.now();
      done.push(await inject(fault, { services, processes, options }));
      const what = `${fault.kind}${fault.kind === 'redis-restart' && fault.removeData ? ' (data removed)' : ''}`;
      say(`fault ${index + 1}/${plan.length} at ${since(runStarted).toFixed(0)} s: ${what}, ${since(started).toFixed(1)} s`);
    }
    // Traffic goes on a little after the last fault, then stops: what was accepted must now settle.
    for (const worker of Array(options.workers).keys()) await processes.workerReady(worker);
    await sleep(2000);
    await traffic.stop();
    const allMatchedSeconds = await waitUntilAllMatched(pool, options.recoverySeconds);

    const lost = await findLostWork(pool, traffic.work);
    const pairs = await countPairs(pool);
    const summary: FaultSummary = {
      faults: countFaults(done),
      requests: {
        accepted: traffic.work.creates,
        editsAccepted: traffic.work.edits,
        answers: traffic.counts.answers,
        lost: lost.requests + lost.personVersions,
      },
      matching: {
        unmatched: await countUnmatched(pool),
        candidatePairs: pairs.candidates,
        duplicatedPairs: pairs.duplicated,
        duplicatedRuns: pairs.duplicatedRuns,
      },
      recovery: {
        readySeconds: {
          redis: done.filter((d) => d.fault.kind === 'redis-restart').map((d) => d.readySeconds ?? 0),
          postgres: done.filter((d) => d.fault.kind === 'postgres-restart').map((d) => d.readySeconds ?? 0),
        },
        allMatchedSeconds,
      },
      durationSeconds: since(runStarted),
    };
    return summary;
  } finally {
    await traffic?.stop();
    await processes?.stop();
    await pool.end();
    await services.stop();
  }
}

async function main(): Promise<void> {
  let options: FaultOptions;
  try {
    options = parseFaultArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    say(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  const folder = runFolder(process.env);
  let summary: FaultSummary;
  try {
    summary = await run(options, folder);
  } catch (error) {
    // The run itself broke (a server or process that would not start again): that is a failure too.
    say(`the fault run could not finish: ${(error as Error).message}\ndata and logs kept in ${folder}`);
    process.exit(1);
  }
  const failed = failures(summary).length > 0;
  process.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : `${formatSummary(summary)}\n`);
  if (failed || options.keep) say(`data and logs kept in ${folder}`);
  else await rm(folder, { recursive: true, force: true });
  process.exitCode = failed ? 1 : 0;
}

await main();
