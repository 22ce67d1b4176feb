import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { summariseError } from '../common/errors/error-summary.js';
import { Environment } from '../config/environment.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { MatchingQueue } from '../queue/matching-queue.js';
import { handBackWhileQueueKeepsUp } from './hand-back.js';

/**
 * Postgres is the source of truth, Redis only holds queue state: a job that BullMQ failed for good
 * (too many stalls) or lost (Redis came back empty) would leave a record unmatched for ever. This
 * finds, from Postgres, every record of an open request whose current version has no finished match
 * run, and hands it to the queue again through the outbox. Job ids make a repeat hand-off harmless.
 * The same rounds re-match everything after a matcher-version change, paced by the queue's backlog.
 */
@Injectable()
export class MatchReconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MatchReconciler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly queue: MatchingQueue,
    private readonly env: Environment,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.reconcileOnce()
        .catch((error: unknown) => this.logger.warn(summariseError(error), 'reconciliation failed; next round will retry'))
        .finally(() => (this.running = undefined));
    }, this.env.RECONCILE_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /**
   * One round, optionally for one organisation: hands back chunks of records without a finished run
   * of the current matcher while the queue keeps up. Returns how many records were handed back.
   */
  async reconcileOnce(options: { minAgeSeconds?: number; organisationId?: string } = {}): Promise<number> {
    const scope = { minAgeSeconds: options.minAgeSeconds ?? this.env.RECONCILE_MIN_AGE_SECONDS, organisationId: options.organisationId };
    const count = await handBackWhileQueueKeepsUp(this.dataSource, scope, {
      backlog: () => this.queue.backlog(),
      maxBacklog: this.env.REMATCH_MAX_BACKLOG,
      afterChunk: () => this.relay.kick(),
    });
    if (count > 0) this.logger.log({ count }, 'records without a finished match run handed to the queue again');
    return count;
  }
}
