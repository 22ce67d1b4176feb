import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import { Environment } from '../config/environment.js';
import { METRICS_REGISTRY } from './metrics.tokens.js';

/**
 * A loopback-only HTTP server for /metrics and a bare /health, off the public port.
 * The worker has no other HTTP surface; the API uses it for metrics only.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server: Server | undefined;

  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    private readonly env: Environment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.env.METRICS_PORT === 0) return;
    this.server = createServer((request, response) => {
      if (request.url === '/metrics') {
        this.registry
          .metrics()
          .then((body) => response.writeHead(200, { 'content-type': this.registry.contentType }).end(body))
          .catch(() => response.writeHead(500).end());
      } else if (request.url === '/health') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(this.env.METRICS_PORT, '127.0.0.1', resolve));
    this.logger.log({ port: this.env.METRICS_PORT }, 'metrics listening on loopback');
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
