/**
 * The API and the workers as separate Node processes on dist/main.js and dist/worker.js, as `npm
 * start` runs them, with the run's settings; each one's output goes to a log file of its own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitForHttpOk } from '../local-stack/app-process.js';
import { freePort } from '../local-stack/free-port.js';
import { FAULT_RUN_SETTINGS } from './fault-settings.js';
import { WORKER_NODE_FLAGS } from '../worker-node-flags.js';

interface Child {
  process: ChildProcess;
  exited: Promise<void>;
}

export interface FaultProcesses {
  apiUrl: string;
  /** Jobs of `job` the worker holds, from its loopback metrics; null when it does not answer. */
  jobsInProgress(worker: number, job: string): Promise<number | null>;
  /** Resolves once the worker (or the one that replaced it) answers on its loopback port. */
  workerReady(worker: number): Promise<void>;
  /**
   * SIGKILL to the worker, then a new worker process in its place at once. Returns when the new
   * process has been spawned; `workerReady` tells when it is up (the other workers go on meanwhile).
   */
  killAndRestartWorker(worker: number): Promise<void>;
  stop(): Promise<void>;
}

function spawnEntry(script: string, env: NodeJS.ProcessEnv, logFile: string, nodeFlags: readonly string[] = []): Child {
  const log = openSync(logFile, 'a', 0o600);
  const child = spawn(process.execPath, [...nodeFlags, fileURLToPath(new URL(script, import.meta.url))], {
    env,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  return { process: child, exited };
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 20_000);
  await child.exited;
  clearTimeout(timer);
}

const gone = (child: Child) => child.process.exitCode !== null || child.process.signalCode !== null;

export async function startFaultProcesses(options: {
  databaseUrl: string;
  redisUrl: string;
  jwtSecret: string;
  totpEncryptionKey: string;
  keystoreDatabaseUrl: string;
  dataMasterKeys: string;
  workers: number;
  logDir: string;
}): Promise<FaultProcesses> {
  const shared: NodeJS.ProcessEnv = {
    ...FAULT_RUN_SETTINGS,
    PATH: process.env.PATH,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    JWT_SECRET: options.jwtSecret,
    TOTP_ENCRYPTION_KEY: options.totpEncryptionKey,
    KEYSTORE_DATABASE_URL: options.keystoreDatabaseUrl,
    DATA_KEY_MASTER_KEYS: options.dataMasterKeys,
    HOST: '127.0.0.1',
  };
  const apiPort = await freePort();
  const api = spawnEntry('../main.js', { ...shared, PORT: String(apiPort) }, join(options.logDir, 'api.log'));
  const metricsPorts: number[] = [];
  const workers: Child[] = [];
  const startWorker = (index: number) =>
    spawnEntry(
      '../worker.js',
      { ...shared, METRICS_PORT: String(metricsPorts[index]) },
      join(options.logDir, `worker-${index + 1}.log`),
      WORKER_NODE_FLAGS,
    );
  for (let i = 0; i < options.workers; i += 1) {
    metricsPorts.push(await freePort());
    workers.push(startWorker(i));
  }
  // If this process dies, its children must not outlive it.
  const killAll = () => [api, ...workers].forEach((c) => c.process.kill('SIGKILL'));
  process.once('exit', killAll);
  const stop = async () => {
    process.removeListener('exit', killAll);
    await Promise.all([api, ...workers].map(stopChild));
  };
  const waitReady = async (url: string, child: Child) => {
    if (!(await waitForHttpOk(url, 120_000, () => gone(child))))
      throw new Error(`a service process did not start (logs in ${options.logDir})`);
  };
  const workerUp = (index: number) => waitReady(`http://127.0.0.1:${metricsPorts[index]}/health`, workers[index]);
  const ready: Promise<void>[] = [];
  try {
    await waitReady(`http://127.0.0.1:${apiPort}/ready`, api);
    for (const index of workers.keys()) {
      ready.push(workerUp(index));
      await ready[index];
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    apiUrl: `http://127.0.0.1:${apiPort}`,
    jobsInProgress: async (worker, job) => {
      try {
        const response = await fetch(`http://127.0.0.1:${metricsPorts[worker]}/metrics`, { signal: AbortSignal.timeout(1000) });
        const text = await response.text();
        const line = text.split('\n').find((l) => l.startsWith('jobs_in_progress{') && l.includes(`job="${job}"`));
        return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
      } catch {
        return null;
      }
    },
    workerReady: (index) => ready[index],
    killAndRestartWorker: async (index) => {
      const doomed = workers[index];
      doomed.process.kill('SIGKILL');
      await doomed.exited;
      workers[index] = startWorker(index);
      ready[index] = workerUp(index);
      // Settled here too, so a start that fails is reported by whoever waits for it, not as unhandled.
      ready[index].catch(() => undefined);
    },
    stop,
  };
}
