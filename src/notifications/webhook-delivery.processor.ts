import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { summariseError } from '../common/errors/error-summary.js';
import { JobMetrics } from '../metrics/job-metrics.js';
import { isDeliverWebhookJob, NOTIFICATION_QUEUE, NotificationJobName } from '../queue/notification-jobs.js';
import { DeliveryAttemptFailed, type DeliveryOutcome, WebhookDeliveryService } from './webhook-delivery.service.js';
import { ServiceWorkerHost } from '../queue/service-worker-host.js';

/**
 * Thin BullMQ consumer of the delivery queue. Logs the receiver id and the status code only: the
 * URL, the body and the receiver's answer stay out of logs and out of Redis.
 */
@Processor(NOTIFICATION_QUEUE, { concurrency: 4 })
export class WebhookDeliveryProcessor extends ServiceWorkerHost {
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);

  constructor(
    private readonly delivery: WebhookDeliveryService,
    private readonly metrics: JobMetrics,
  ) {
    super();
  }

  async process(job: Job): Promise<DeliveryOutcome | 'rejected_payload'> {
    if (job.name !== NotificationJobName.DeliverWebhook || !isDeliverWebhookJob(job.data)) {
      this.logger.error({ jobId: job.id }, 'delivery job with an unknown name or payload shape; not retried');
      this.metrics.failed(NotificationJobName.DeliverWebhook);
      return 'rejected_payload';
    }
    const { receiverId } = job.data;
    const stop = this.metrics.started(job.name);
    try {
      const { outcome, status } = await this.delivery.deliver(job.data);
      this.logger.log({ receiverId, status, outcome }, 'webhook delivery done');
      return outcome;
    } catch (error) {
      this.metrics.failed(job.name);
      if (error instanceof DeliveryAttemptFailed) {
        this.logger.warn({ receiverId, reason: error.reason, attempt: job.attemptsMade + 1 }, 'webhook delivery attempt failed');
        throw error;
      }
      const summary = summariseError(error);
      this.logger.error({ receiverId, ...summary }, 'webhook delivery failed unexpectedly; will retry');
      // eslint-disable-next-line preserve-caught-error -- the cause's message is what must not reach Redis
      throw new Error(`webhook delivery failed: ${summary.errorType}`);
    } finally {
      stop();
    }
  }
}
