/**
 * The start command end to end: from nothing (no DATABASE_URL/REDIS_URL, an empty data folder)
 * to a working API with demo accounts, and back to nothing listening after SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { dataLayout } from '../../../src/local-stack/data-dir.js';
import { stopPostgres } from '../../../src/local-stack/postgres-cluster.js';
import { findPgBinDir } from '../../../src/local-stack/system-packages.js';
import { findSystemUser, isRoot } from '../../../src/local-stack/system-user.js';
import { freePort } from '../../support/local-services.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number | null | 'timeout'> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), timeoutMs);
    child.once('exit', (code) => (clearTimeout(timer), resolve(code)));
  });
}

describe('npm start (dist/local-stack/start-local.js)', () => {
  let dataDir: string;
  let port: number;
  let child: ChildProcess;
  let output = '';

  /** Resolves with the first match of `pattern` in the output; rejects if the process ends first. */
  function waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (match) return done(() => resolve(match));
        if (child.exitCode !== null || child.signalCode !== null) {
          done(() => reject(new Error(`start command exited (${child.exitCode}) before ${pattern}:\n${output}`)));
        }
      };
      const timer = setTimeout(() => done(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`))), timeoutMs);
      const interval = setInterval(check, 100);
      const done = (settle: () => void) => (clearTimeout(timer), clearInterval(interval), settle());
      check();
    });
  }

  beforeAll(async () => {
    // A 0711 folder of our own under /tmp: the postgres user may pass through, nobody may list it.
    dataDir = await mkdtemp('/tmp/rfl-tracing-start-');
    await chmod(dataDir, 0o711);
    port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port) };
    // Global setup put the shared test servers here; this test must start its own.
    for (const key of [
      'DATABASE_URL',
      'REDIS_URL',
      'JWT_SECRET',
      'TOTP_ENCRYPTION_KEY',
      'KEYSTORE_DATABASE_URL',
      'DATA_KEY_MASTER_KEYS',
      'METRICS_PORT',
    ])
      delete env[key];
    child = spawn(process.execPath, ['dist/local-stack/start-local.js'], { cwd: repoRoot, env });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForOutput(/API ready: http:\/\/127\.0\.0\.1:\d+\/v1/, 120_000);
  }, 130_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if ((await waitForExit(child, 30_000)) === 'timeout') child.kill('SIGKILL');
    }
    // Safety net if the command died without stopping its cluster.
    const binDir = findPgBinDir();
    const layout = dataLayout(dataDir);
    if (binDir && existsSync(layout.pgData)) {
      await stopPostgres({ binDir, layout, runAs: isRoot() ? findSystemUser('postgres') : null });
    }
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  let accessToken: string;

  it('answers GET /ready with 200', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(response.status).toBe(200);
  });

  it('prints a demo officer account that can log in', async () => {
    const [, email, password] = output.match(/^\s+officer\s+(\S+@\S+)\s+(\S+)/m) ?? [];
    expect(email).toBeDefined();
    const response = await fetch(`http://127.0.0.1:${port}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect([200, 201]).toContain(response.status);
    const body = (await response.json()) as { accessToken?: unknown };
    expect(typeof body.accessToken).toBe('string');
    accessToken = body.accessToken as string;
  });

  it('lists tracing requests for the logged-in officer', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/v1/tracing-requests`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(response.status).toBe(200);
  });

  it('serves the web console from the built code (templates, stylesheet and catalogues copied into dist/)', async () => {
    expect(output).toMatch(new RegExp(`Web console: http://127\\.0\\.0\\.1:${port}/console`));
    const page = await fetch(`http://127.0.0.1:${port}/console/login`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post" action="/console/login"');
    const stylesheet = await fetch(`http://127.0.0.1:${port}/console/assets/console.css`);
    expect(stylesheet.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('stops cleanly on SIGTERM and leaves nothing listening', async () => {
    const [, postgresPort, redisPort] = output.match(/PostgreSQL on 127\.0\.0\.1:(\d+), Redis on 127\.0\.0\.1:(\d+)/) ?? [];
    const [, metricsPort] = output.match(/Worker metrics: http:\/\/127\.0\.0\.1:(\d+)/) ?? [];
    child.kill('SIGTERM');
    expect(await waitForExit(child, 30_000)).toBe(0);
    for (const used of [port, Number(postgresPort), Number(redisPort), Number(metricsPort)]) {
      expect(await isListening(used)).toBe(false);
    }
  }, 40_000);
});
