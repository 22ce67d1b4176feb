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
}

/**
 * A webhook receiver on loopback: records every request, and answers each path by a plan
 * (e.g. fail the first two attempts of each idempotency key, then accept).
 */
export class TestWebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly server: Server;
  private readonly failuresPerKey = new Map<string, number>();

  private constructor(private readonly plans: Record<string, { failFirst: number }>) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        const key = String(req.headers['idempotency-key']);
        const seen = this.failuresPerKey.get(`${path} ${key}`) ?? 0;
        const fail = seen < (this.plans[path]?.failFirst ?? 0);
        if (fail) this.failuresPerKey.set(`${path} ${key}`, seen + 1);
        const status = fail ? 503 : 204;
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
        this.received.push({ path, headers, body: Buffer.concat(chunks).toString('utf8'), status, receivedAt: Date.now() });
        res.writeHead(status).end();
      });
    });
  }

  static async start(plans: Record<string, { failFirst: number }> = {}): Promise<TestWebhookReceiver> {
    const receiver = new TestWebhookReceiver(plans);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Requests this receiver accepted, at one path. */
  accepted(path: string): ReceivedWebhook[] {
    return this.at(path).filter((r) => r.status < 300);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
