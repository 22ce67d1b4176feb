import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge, type Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { MatchingQueue } from '../queue/matching-queue.js';
import { METRICS_REGISTRY } from './metrics.tokens.js';

/** Queue depth and age, and the outbox backlog, read when Prometheus scrapes. */
@Injectable()
export class QueueMetrics {
  constructor(@Inject(METRICS_REGISTRY) registry: Registry, queue: MatchingQueue, @InjectDataSource() dataSource: DataSource) {
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in the matching queue by state',
      labelNames: ['state'],
      registers: [registry],
      async collect() {
        const counts = await queue.counts().catch(() => ({}) as Record<string, number>);
        for (const [state, count] of Object.entries(counts)) this.set({ state }, count);
      },
    });
    new Gauge({
      name: 'queue_oldest_waiting_job_age_seconds',
      help: 'Age of the oldest waiting matching job',
      registers: [registry],
      async collect() {
        this.set(await queue.oldestWaitingAgeSeconds().catch(() => 0));
      },
    });
    new Gauge({
      name: 'outbox_backlog',
      help: 'Outbox rows not yet relayed to the queue',
      registers: [registry],
      async collect() {
        const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM outbox_message WHERE dispatched_at IS NULL`);
        this.set(count);
      },
    });
  }
}
