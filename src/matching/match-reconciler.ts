import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { summariseError } from '../common/errors/error-summary.js';
import { Environment } from '../config/environment.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { writeMatchPersonToOutbox } from '../outbox/outbox-writer.js';
import { MATCHER_VERSION } from './engine/person-for-matching.js';

const BATCH_SIZE = 500;

/**
 * Postgres is the source of truth, Redis only holds queue state: a job that BullMQ failed for good
 * (too many stalls) or lost (Redis came back empty) would leave a record unmatched for ever. This
 * finds, from Postgres, every record of an open request whose current version has no finished match
 * run, and hands it to the queue again through the outbox. Job ids make a repeat hand-off harmless.
 */
@Injectable()
export class MatchReconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MatchReconciler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
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

  /** One round, optionally for one organisation; returns how many records were handed to the queue again. */
  async reconcileOnce(options: { minAgeSeconds?: number; organisationId?: string } = {}): Promise<number> {
    const minAgeSeconds = options.minAgeSeconds ?? this.env.RECONCILE_MIN_AGE_SECONDS;
    const count = await this.dataSource.transaction(async (manager) => {
      const stale: { id: string; version: number }[] = await manager.query(
        `SELECT p.id, p.version
         FROM person_record p
         JOIN tracing_request r ON r.id = p.request_id AND r.lifecycle = 'open'
         WHERE p.updated_at < now() - make_interval(secs => $2)
           AND ($3::uuid IS NULL OR p.organisation_id = $3)
           AND NOT EXISTS (
             SELECT 1 FROM match_run m
             WHERE m.person_id = p.id AND m.person_version = p.version AND m.matcher_version = $1)
           AND NOT EXISTS (
             SELECT 1 FROM outbox_message o
             WHERE o.dispatched_at IS NULL AND o.payload->>'personId' = p.id::text)
         ORDER BY p.updated_at
         LIMIT ${BATCH_SIZE}`,
        [MATCHER_VERSION, minAgeSeconds, options.organisationId ?? null],
      );
      for (const person of stale) await writeMatchPersonToOutbox(manager, { personId: person.id, personVersion: person.version });
      return stale.length;
    });
    if (count > 0) {
      this.logger.log({ count }, 'records without a finished match run handed to the queue again');
      this.relay.kick();
    }
    return count;
  }
}
