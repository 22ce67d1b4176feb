import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.js';

export interface RedisOptions {
  /** Path of the redis-server binary. */
  redisServer: string;
  /** Working folder: the append-only file lives here. Created (0700) when missing. */
  dir: string;
  /** Where the server's output goes; defaults to redis-server.log inside `dir`. */
  logFile?: string;
  /** Fixed port (a test restarting Redis on the same port); otherwise a free one is picked. */
  port?: number;
}

export interface RunningRedis {
  port: number;
  url: string;
  /** Settles when the server process ends, for whatever reason. */
  exited: Promise<void>;
  /** SIGTERM (Redis then syncs its append-only file), SIGKILL after 15 s; safe to call twice. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash: writes of the last second may be missing from the append-only file. */
  kill(): Promise<void>;
}

/** Sends a raw PING; true once the server answers +PONG (not -LOADING while it reads its AOF). */
export function pingRedis(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let reply = '';
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) finish(reply.startsWith('+PONG'));
    });
  });
}

export function redisArguments(port: number, dir: string): string[] {
  // No RDB snapshots (--save ''), an append-only file instead, and noeviction because BullMQ
  // must never lose queue keys to memory pressure.
  return [
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--maxmemory-policy',
    'noeviction',
    '--save',
    '',
    '--daemonize',
    'no',
    '--protected-mode',
    'yes',
  ];
}

async function launch(options: RedisOptions, port: number, logFile: string): Promise<RunningRedis | null> {
  const log = openSync(logFile, 'a', 0o600);
  // detached: a Ctrl-C in the terminal must not reach Redis before the API and worker are down.
  const child = spawn(options.redisServer, redisArguments(port, options.dir), {
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  let ended = false;
  let spawnError: Error | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // A spawn failure (ENOENT, EACCES) comes as an 'error' event and no 'exit'.
    child.once('error', (error) => {
      spawnError = error;
      resolve();
    });
  }).then(() => {
    ended = true;
  });

  const deadline = Date.now() + 20_000;
  while (!(await pingRedis(port))) {
    if (spawnError) throw new Error(`could not run ${options.redisServer}: ${(spawnError as Error).message}`);
    if (ended) return null;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer PING on port ${port} within 20 s (log: ${logFile})`);
    }
    await sleep(50);
  }

  const stop = async () => {
    if (ended) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const kill = async () => {
    if (ended) return;
    child.kill('SIGKILL');
    await exited;
  };
  return { port, url: `redis://127.0.0.1:${port}`, exited, stop, kill };
}

/** Starts redis-server on 127.0.0.1 and waits until it answers PING. */
export async function startRedis(options: RedisOptions): Promise<RunningRedis> {
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const logFile = options.logFile ?? join(options.dir, 'redis-server.log');
  // A picked port can be taken before Redis binds it; try a few, but never move a fixed port.
  const attempts = options.port ? 1 : 3;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const running = await launch(options, options.port ?? (await freePort()), logFile);
    if (running) return running;
  }
  const tail = (await readFile(logFile, 'utf8').catch(() => '')).trim().split('\n').slice(-10).join('\n');
  throw new Error(`redis-server exited during start-up:\n${tail}`);
}
