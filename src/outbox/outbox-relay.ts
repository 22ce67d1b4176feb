import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { summariseError } from '../common/errors/error-summary.js';
import { Environment } from '../config/environment.js';
import { isNotificationEvent } from '../notifications/notification-events.js';
import { fanOutNotification, receiversReadOncePerBatch, type ReceiverLookup } from '../notifications/notification-fan-out.js';
import { NOTIFICATION_TOPIC } from '../notifications/record-notification.js';
import { isMatchChunkJob, isMatchPersonJob, isProposeOthersJob, MatchingJobName } from '../queue/matching-jobs.js';
import { MatchingQueue } from '../queue/matching-queue.js';
import { NotificationQueue } from '../queue/notification-queue.js';
import { OutboxMessage } from './outbox-message.entity.js';

const BATCH_SIZE = 100;

/**
 * Moves outbox rows to the queue. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of
 * processes can relay at once; a row stays pending until Redis has taken its job, so work accepted
 * while Redis is down is queued once Redis is back.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: MatchingQueue,
    private readonly notifications: NotificationQueue,
    private readonly env: Environment,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.env.OUTBOX_POLL_MS);
    this.timer.unref();
    this.kick();
  }

  /** Stops relaying and lets a batch in hand finish while the database is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Relays now (after a commit) instead of waiting for the next tick; concurrent kicks coalesce. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.relayUntilEmpty()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn(summariseError(error), 'outbox relay paused; will retry'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /**
   * Resolves when no relay run is in hand, including one a kick during the last asked for. For a
   * benchmark that times a worker's job apart from the relaying that queued it: in the service the
   * two run in different processes, one after the other.
   */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Relays batches until none is left; returns how many rows were moved. */
  async relayUntilEmpty(): Promise<number> {
    let moved = 0;
    for (;;) {
      const batch = await this.relayBatch();
      moved += batch;
      if (batch < BATCH_SIZE) return moved;
    }
  }

  private async relayBatch(): Promise<number> {
    let failure: unknown;
    const moved = await this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .getRepository(OutboxMessage)
        .createQueryBuilder('o')
        .where('o.dispatched_at IS NULL')
        .orderBy('o.id')
        .limit(BATCH_SIZE)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      const dispatched: string[] = [];
      const receivers = receiversReadOncePerBatch(manager);
      for (const row of rows) {
        let routed: boolean;
        try {
          routed = await this.route(receivers, row);
        } catch (error) {
          // Keep what was relayed so far; count the attempt; stop this batch.
          await manager.increment(OutboxMessage, { id: row.id }, 'attempts', 1);
          failure = error;
          break;
        }
        if (!routed) {
          this.logger.error({ outboxId: row.id }, 'outbox row with an unknown topic or payload left pending');
          continue;
        }
        dispatched.push(row.id);
      }
      // One statement for the batch: a match job's status moves write several rows at once.
      if (dispatched.length > 0)
        await manager.query(`UPDATE outbox_message SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [dispatched]);
      return dispatched.length;
    });
    if (failure) throw failure;
    return moved;
  }

  /** Hands one row to its queue by topic; false when neither the topic nor the payload is known. */
  private async route(receivers: ReceiverLookup, row: OutboxMessage): Promise<boolean> {
    if (row.topic === MatchingJobName.MatchPerson && isMatchPersonJob(row.payload)) {
      await this.queue.addMatchPerson(row.payload);
      return true;
    }
    if (row.topic === MatchingJobName.MatchChunk && isMatchChunkJob(row.payload)) {
      await this.queue.addMatchChunk(row.payload);
      return true;
    }
    if (row.topic === MatchingJobName.ProposeOthers && isProposeOthersJob(row.payload)) {
      await this.queue.addProposeOthers(row.payload, row.id);
      return true;
    }
    if (row.topic === NOTIFICATION_TOPIC && isNotificationEvent(row.payload)) {
      await fanOutNotification(receivers, this.notifications, row.payload);
      return true;
    }
    return false;
  }
}
