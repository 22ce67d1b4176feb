import { benchKeyStoreSettings } from '../support/bench-services.js';
/**
 * The real API and worker entry points (dist/main.js, dist/worker.js) as child processes, as
 * `npm start` runs them, with the service's default settings. One exception: the workers'
 * reconciler runs once a day instead of every five minutes, because a loaded data set has no match
 * runs and the reconciler would otherwise re-queue the whole store in the middle of the figures.
 * Their logs go to files in the data set's folder, not to our stdout.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitForHttpOk } from '../../local-stack/app-process.js';
import { freePort } from '../../local-stack/free-port.js';
import { matcherSettings } from './matcher-settings.js';
import { WORKER_NODE_FLAGS } from '../../worker-node-flags.js';

export interface ServiceProcesses {
  apiUrl: string;
  apiPid: number;
  workerPids: number[];
  /** resident memory (VmRSS) of each worker, MB */
  workerRssMb(): Promise<number[]>;
  stop(): Promise<void>;
}

interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
}

function spawnEntry(name: string, script: string, env: NodeJS.ProcessEnv, logDir: string, nodeFlags: readonly string[] = []): Child {
  const log = openSync(join(logDir, `${name}.log`), 'a', 0o600);
  const child = spawn(process.execPath, [...nodeFlags, fileURLToPath(new URL(script, import.meta.url))], {
    env,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  return { name, process: child, exited };
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 20_000);
  await child.exited;
  clearTimeout(timer);
}

export async function readRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) / 1024;
}

export async function startServiceProcesses(options: {
  databaseUrl: string;
  redisUrl: string;
  workers: number;
  logDir: string;
  /** settings added for every process (e.g. raised rate limits for a load run) */
  extraEnv?: NodeJS.ProcessEnv;
}): Promise<ServiceProcesses> {
  mkdirSync(options.logDir, { recursive: true, mode: 0o700 });
  const shared: NodeJS.ProcessEnv = {
    ...matcherSettings(),
    PATH: process.env.PATH,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    TOTP_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    ...benchKeyStoreSettings(options.databaseUrl),
    HOST: '127.0.0.1',
    ...options.extraEnv,
  };
  const port = await freePort();
  const children: Child[] = [spawnEntry('api', '../../main.js', { ...shared, PORT: String(port) }, options.logDir)];
  const metricsPorts: number[] = [];
  for (let i = 1; i <= options.workers; i += 1) {
    const metricsPort = await freePort();
    metricsPorts.push(metricsPort);
    children.push(
      spawnEntry(
        `worker-${i}`,
        '../../worker.js',
        { ...shared, METRICS_PORT: String(metricsPort), RECONCILE_INTERVAL_MS: '86400000' },
        options.logDir,
        WORKER_NODE_FLAGS,
      ),
    );
  }
  // If we die, they must not outlive us.
  const killAll = () => children.forEach((c) => c.process.kill('SIGKILL'));
  process.once('exit', killAll);
  const stop = async () => {
    process.removeListener('exit', killAll);
    await Promise.all(children.map(stopChild));
  };
  try {
    const exited = () => children.some((c) => c.process.exitCode !== null);
    const urls = [`http://127.0.0.1:${port}/ready`, ...metricsPorts.map((p) => `http://127.0.0.1:${p}/health`)];
    for (const url of urls) {
      if (!(await waitForHttpOk(url, 120_000, exited))) throw new Error(`a service process did not start (logs in ${options.logDir})`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const workers = children.slice(1);
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    apiPid: children[0].process.pid as number,
    workerPids: workers.map((w) => w.process.pid as number),
    workerRssMb: () => Promise.all(workers.map((w) => readRssMb(w.process.pid as number))),
    stop,
  };
}
