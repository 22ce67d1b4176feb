import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';

const DRAIN_TIMEOUT_MS = 15_000;

/**
 * Nest closes the HTTP server only after every shutdown hook, the database pool's among them, so
 * requests in flight would lose their database. This stops accepting connections first and waits
 * for the requests in hand (up to a bound), before anything else shuts down.
 */
@Injectable()
export class HttpDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger(HttpDrain.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.listening) return;
    const timer = setTimeout(() => {
      this.logger.warn({ timeoutMs: DRAIN_TIMEOUT_MS }, 'requests still open at shutdown; closing their connections');
      server.closeAllConnections();
    }, DRAIN_TIMEOUT_MS);
    // A connection kept alive after its last response would hold the server open until its keep-alive ends.
    const sweeper = setInterval(() => server.closeIdleConnections(), 200);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(timer);
    clearInterval(sweeper);
  }
}
