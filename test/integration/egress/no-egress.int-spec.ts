/**
 * Invariant 8, nothing is sent to a third party: the whole flow runs in a network namespace of its
 * own whose firewall lets connections through only to Postgres, Redis, the webhook receiver and the
 * API (the test's client), and refuses, counts and remembers every other attempt. The flow must
 * succeed and the count must stay 0. See docs/decisions/0021-load-and-egress.md for what this does
 * and does not prove. Needs root (CI runs as root); installs iproute2 and nftables when missing.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureDebianTool } from '../../../src/local-stack/system-packages.js';
import { createNetworkNamespace, type NetworkNamespace } from './network-namespace.js';
import { NAMESPACE_PORTS } from './namespace-ports.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

interface Finished {
  code: number | null;
  output: string;
}

function runToEnd(argv: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => (clearTimeout(timer), resolve({ code, output })));
  });
}

/** Tries destinations the firewall must refuse: an outside address over IPv4 and IPv6, a loopback port nobody allowed, a DNS lookup. */
const PROBE = `
const net = require('node:net');
const attempt = (host, port) => new Promise((done) => {
  const socket = net.connect({ host, port, timeout: 3000 });
  socket.once('connect', () => (socket.destroy(), done('connected')));
  socket.once('error', () => done('refused'));
  socket.once('timeout', () => (socket.destroy(), done('timeout')));
});
(async () => {
  const results = [await attempt('192.0.2.77', 443), await attempt('2001:db8::77', 443), await attempt('127.0.0.1', 9)];
  await require('node:dns').promises.lookup('example.org').catch(() => undefined);
  process.stdout.write(JSON.stringify(results));
})();
`;

describe('no egress: the whole flow in a network namespace that refuses every other destination', () => {
  let namespace: NetworkNamespace;

  beforeAll(async () => {
    await ensureDebianTool('ip', 'iproute2');
    await ensureDebianTool('nft', 'nftables');
    namespace = await createNetworkNamespace();
    await namespace.allowOnlyLoopbackPorts(Object.values(NAMESPACE_PORTS));
  });

  afterAll(() => namespace?.remove());

  it('refuses and records connections to anywhere else (the firewall bites)', async () => {
    const probe = await runToEnd(namespace.exec([process.execPath, '-e', PROBE]), process.env, 20_000);
    expect(JSON.parse(probe.output)).toEqual(['refused', 'refused', 'refused']);
    const refused = await namespace.refused();
    expect(refused.destinations).toEqual(expect.arrayContaining(['192.0.2.77 443', '2001:db8::77 443', '127.0.0.1 9']));
    expect(refused.packets).toBeGreaterThanOrEqual(3);
  });

  it('runs intake, matching, review, consent, disclosure and webhook delivery, and contacts nothing else', async () => {
    await namespace.resetRefused();
    const env = {
      ...process.env,
      TEST_POSTGRES_PORT: String(NAMESPACE_PORTS.postgres),
      TEST_REDIS_PORT: String(NAMESPACE_PORTS.redis),
    };
    const jest = [process.execPath, '--experimental-vm-modules', 'node_modules/jest/bin/jest.js'];
    const inner = await runToEnd(
      namespace.exec([...jest, '--config', 'test/integration/egress/namespace.jest.config.js', '--runInBand', '--ci']),
      env,
      200_000,
    );
    // One comparison, so that a failure shows the inner run's own report beside what it tried to reach.
    const refused = await namespace.refused();
    expect({ exitCode: inner.code, report: inner.code === 0 ? '' : inner.output.slice(-6000), refused }).toEqual({
      exitCode: 0,
      report: '',
      refused: { packets: 0, destinations: [] },
    });
    expect(inner.output).toMatch(/Tests:\s+1 passed, 1 total/);
  }, 240_000);
});
