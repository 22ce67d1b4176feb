/**
 * A network namespace of its own for the no-egress test, with an nftables firewall that lets
 * connections through only to the loopback ports named in advance and refuses, counts and
 * remembers every other attempt (TCP connect, any UDP datagram such as a DNS query, anything else
 * leaving loopback).
 *
 * Inside, loopback is up and a veth link is the default route for IPv4 and IPv6 (documentation
 * addresses, its other end down in the host namespace), so an outbound attempt is routed and meets
 * the firewall rather than failing early with "network unreachable", which nothing would count.
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';

export interface RefusedAttempts {
  /** Packets the firewall refused (each TCP connect attempt counts once per SYN it sent). */
  packets: number;
  /** Distinct destinations refused, as "address port". */
  destinations: string[];
}

export interface NetworkNamespace {
  name: string;
  /** The argv prefix that runs a command inside the namespace. */
  exec(argv: readonly string[]): string[];
  /** Loads the firewall that allows connections to these loopback TCP ports only. */
  allowOnlyLoopbackPorts(ports: readonly number[]): Promise<void>;
  refused(): Promise<RefusedAttempts>;
  /** Sets the counter and the remembered destinations back to nothing. */
  resetRefused(): Promise<void>;
  /** Kills any process still inside, then deletes the namespace. */
  remove(): Promise<void>;
}

const TABLE = 'egress_guard';

/**
 * The firewall, as nft input. Only connection openings are judged: replies on allowed connections
 * pass. The kernel's own IPv6 link housekeeping (multicast listener reports when the address joins
 * its solicited-node group, router and neighbour solicitations) is let through and counted apart:
 * no process sends it, it carries no data, and the link's far end is down.
 */
export function firewallRules(ports: readonly number[]): string {
  if (ports.length === 0 || ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) {
    throw new Error('firewallRules needs at least one valid TCP port');
  }
  const opening = 'tcp flags & (syn | ack) == syn';
  return `table inet ${TABLE} {
  set allowed_ports { type inet_service; elements = { ${ports.join(', ')} } }
  set refused_v4 { type ipv4_addr . inet_service; flags dynamic; }
  set refused_v6 { type ipv6_addr . inet_service; flags dynamic; }
  counter refused {}
  counter link_housekeeping {}
  chain output {
    type filter hook output priority 0; policy accept;
    oif lo ${opening} tcp dport @allowed_ports accept
    meta nfproto ipv4 ${opening} add @refused_v4 { ip daddr . tcp dport } counter name refused reject with tcp reset
    meta nfproto ipv6 ${opening} add @refused_v6 { ip6 daddr . tcp dport } counter name refused reject with tcp reset
    meta nfproto ipv4 meta l4proto udp add @refused_v4 { ip daddr . udp dport } counter name refused reject
    meta nfproto ipv6 meta l4proto udp add @refused_v6 { ip6 daddr . udp dport } counter name refused reject
    oif != lo icmpv6 type { mld-listener-report, mld2-listener-report, nd-router-solicit, nd-neighbor-solicit } counter name link_housekeeping accept
    oif != lo meta l4proto != { tcp, udp } counter name refused drop
  }
}
`;
}

/** Runs a command to completion; stdout on success, an error with stderr otherwise. */
function run(argv: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${argv.slice(0, 5).join(' ')} failed (${code}): ${stderr.trim()}`)),
    );
    child.stdin?.end(input);
  });
}

interface NftSetElement {
  elem?: { concat?: (string | number)[] } | { concat?: (string | number)[] }[];
  concat?: (string | number)[];
}

/** The "address port" strings of a dynamic set, from `nft -j list set`. */
export function destinationsOf(listing: unknown): string[] {
  const items = (listing as { nftables?: Record<string, unknown>[] }).nftables ?? [];
  const out: string[] = [];
  for (const item of items) {
    const set = item.set as { elem?: unknown[] } | undefined;
    for (const element of set?.elem ?? []) {
      const wrapped = element as { elem?: NftSetElement } & NftSetElement;
      const concat = wrapped.concat ?? (wrapped.elem as NftSetElement | undefined)?.concat;
      if (concat) out.push(concat.join(' '));
    }
  }
  return out;
}

export async function createNetworkNamespace(): Promise<NetworkNamespace> {
  const name = `rfl-egress-${randomBytes(3).toString('hex')}`;
  const hostEnd = `${name.slice(-6)}-h`;
  const exec = (argv: readonly string[]) => ['ip', 'netns', 'exec', name, ...argv];
  const inside = (argv: readonly string[]) => run(exec(argv));
  await run(['ip', 'netns', 'add', name]);
  try {
    await inside(['ip', 'link', 'set', 'lo', 'up']);
    await run(['ip', 'link', 'add', hostEnd, 'type', 'veth', 'peer', 'name', 'egress0', 'netns', name]);
    await inside(['ip', 'link', 'set', 'egress0', 'up']);
    await inside(['ip', 'addr', 'add', '192.0.2.2/24', 'dev', 'egress0']);
    await inside(['ip', 'route', 'add', 'default', 'via', '192.0.2.1', 'dev', 'egress0', 'onlink']);
    await inside(['ip', '-6', 'addr', 'add', '2001:db8::2/64', 'dev', 'egress0', 'nodad']);
    await inside(['ip', '-6', 'route', 'add', 'default', 'via', '2001:db8::1', 'dev', 'egress0', 'onlink']);
  } catch (error) {
    await run(['ip', 'netns', 'del', name]).catch(() => undefined);
    throw error;
  }
  const listSet = async (set: string) => destinationsOf(JSON.parse(await inside(['nft', '-j', 'list', 'set', 'inet', TABLE, set])));
  return {
    name,
    exec,
    allowOnlyLoopbackPorts: async (ports) => {
      await run(exec(['nft', '-f', '-']), firewallRules(ports));
    },
    refused: async () => {
      const counter = JSON.parse(await inside(['nft', '-j', 'list', 'counter', 'inet', TABLE, 'refused']));
      const found = (counter.nftables as { counter?: { packets: number } }[]).find((item) => item.counter);
      return {
        packets: found?.counter?.packets ?? Number.NaN,
        destinations: [...(await listSet('refused_v4')), ...(await listSet('refused_v6'))],
      };
    },
    resetRefused: async () => {
      await inside(['nft', 'reset', 'counter', 'inet', TABLE, 'refused']);
      await inside(['nft', 'flush', 'set', 'inet', TABLE, 'refused_v4']);
      await inside(['nft', 'flush', 'set', 'inet', TABLE, 'refused_v6']);
    },
    remove: async () => {
      // Whatever the inner run left behind (e.g. its servers after a timeout) lives only in here.
      const pids = (await run(['ip', 'netns', 'pids', name])).split(/\s+/).filter(Boolean).map(Number);
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      // Deleting the namespace takes its end of the veth pair, and with it the host's end.
      await run(['ip', 'netns', 'del', name]);
    },
  };
}
