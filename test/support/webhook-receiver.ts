import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string | undefined>;
  /** the raw body, as signed */
  body: string;
  /** what this receiver answered */
  status: number;
  /** Date.now() when the request ended */
  receivedAt: number;
  /** answered only after the plan's delay */
  slow: boolean;
}

/** How a path answers each idempotency key: 503 for the first `failFirst` attempts, or late for the first `slowFirst`. */
export interface ReceiverPlan {
  failFirst?: number;
  slowFirst?: number;
  slowMs?: number;
}

/**
 * A webhook receiver on loopback: records every request, and answers each path by a plan
 * (e.g. fail the first two attempts of each idempotency key, then accept).
 */
export class TestWebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly server: Server;
  private readonly failuresPerKey = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(private readonly plans: Record<string, ReceiverPlan>) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        const key = String(req.headers['idempotency-key']);
        const seen = this.failuresPerKey.get(`${path} ${key}`) ?? 0;
        const plan = this.plans[path] ?? {};
        const fail = seen < (plan.failFirst ?? 0);
        const slow = seen < (plan.slowFirst ?? 0);
        if (fail || slow) this.failuresPerKey.set(`${path} ${key}`, seen + 1);
        const status = fail ? 503 : 204;
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
        this.received.push({ path, headers, body: Buffer.concat(chunks).toString('utf8'), status, receivedAt: Date.now(), slow });
        // A slow answer comes after the sender has given up; the test reads `slow`, not the status.
        const timer = setTimeout(
          () => {
            this.timers.delete(timer);
            res.writeHead(status).end();
          },
          slow ? (plan.slowMs ?? 0) : 0,
        );
        this.timers.add(timer);
      });
    });
  }

  /** `port` 0 picks a free one; a fixed one is for a firewall that must name it in advance. */
  static async start(plans: Record<string, ReceiverPlan> = {}, port = 0): Promise<TestWebhookReceiver> {
    const receiver = new TestWebhookReceiver(plans);
    await new Promise<void>((resolve) => receiver.server.listen(port, '127.0.0.1', resolve));
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Requests this receiver accepted in time, at one path. */
  accepted(path: string): ReceivedWebhook[] {
    return this.at(path).filter((r) => r.status < 300 && !r.slow);
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
