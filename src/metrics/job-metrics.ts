import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics.tokens.js';

@Injectable()
export class JobMetrics {
  private readonly duration: Histogram<'job'>;
  private readonly failures: Counter<'job'>;
  private readonly inProgress: Gauge<'job'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.duration = new Histogram({
      name: 'job_duration_seconds',
      help: 'Duration of queue jobs',
      labelNames: ['job'],
      registers: [registry],
    });
    this.failures = new Counter({ name: 'job_failures_total', help: 'Queue jobs that failed', labelNames: ['job'], registers: [registry] });
    // What a worker holds right now: a fault-injection run kills a worker only while this is above 0.
    this.inProgress = new Gauge({
      name: 'jobs_in_progress',
      help: 'Queue jobs this process is running',
      labelNames: ['job'],
      registers: [registry],
    });
  }

  /** Starts a timer; call the returned function when the job ends. */
  started(job: string): () => void {
    const end = this.duration.startTimer({ job });
    this.inProgress.inc({ job });
    return () => {
      end();
      this.inProgress.dec({ job });
    };
  }

  failed(job: string): void {
    this.failures.inc({ job });
  }
}
