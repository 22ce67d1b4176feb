import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Environment } from '../config/environment.js';
import { deliveryJobOptions, deliveryKey, type DeliverWebhookJob, NOTIFICATION_QUEUE, NotificationJobName } from './notification-jobs.js';
import { logQueueErrors } from './queue-errors.js';

const ADD_TIMEOUT_MS = 3000;

/** Typed producer of the webhook delivery queue. */
@Injectable()
export class NotificationQueue {
  private readonly logger = new Logger(NotificationQueue.name);

  constructor(
    @InjectQueue(NOTIFICATION_QUEUE) private readonly queue: Queue,
    private readonly env: Environment,
  ) {
    logQueueErrors(queue, this.logger, 'notification queue unavailable');
  }

  /**
   * Adds one delivery. Unlike a match job, a finished delivery is never replaced: BullMQ ignores an
   * add with the id of a job it still holds, so a repeated hand-off does not send the event again.
   */
  async addDelivery(job: DeliverWebhookJob): Promise<void> {
    const data: DeliverWebhookJob = { receiverId: job.receiverId, event: job.event };
    const options = {
      ...deliveryJobOptions({ attempts: this.env.WEBHOOK_ATTEMPTS, backoffMs: this.env.WEBHOOK_BACKOFF_MS }),
      jobId: deliveryKey(data),
    };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('queue did not answer in time')), ADD_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.queue.add(NotificationJobName.DeliverWebhook, data, options), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
