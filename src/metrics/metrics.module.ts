import { type DynamicModule, Global, Module } from '@nestjs/common';
import { JobMetrics } from './job-metrics.js';
import { createMetricsRegistry } from './metrics-registry.js';
import { MetricsServer } from './metrics-server.js';
import { METRICS_REGISTRY } from './metrics.tokens.js';
import { QueueMetrics } from './queue-metrics.js';
import { HttpMetrics } from './http-metrics.middleware.js';

@Global()
@Module({})
export class MetricsModule {
  static forRoot(processName: 'api' | 'worker'): DynamicModule {
    return {
      module: MetricsModule,
      providers: [
        { provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry(processName) },
        JobMetrics,
        QueueMetrics,
        MetricsServer,
        HttpMetrics,
      ],
      exports: [METRICS_REGISTRY, JobMetrics, HttpMetrics],
    };
  }
}
