import { isNotificationEvent, isUuid, type NotificationEvent } from '../notifications/notification-events.js';

/** The webhook delivery queue: one job per (event, receiver). Payloads carry ids and codes only. */
export const NOTIFICATION_QUEUE = 'notifications';

export enum NotificationJobName {
  DeliverWebhook = 'deliver-webhook',
}

export interface DeliverWebhookJob {
  receiverId: string;
  event: NotificationEvent;
}

/**
 * The job id, and the Idempotency-Key header the receiver sees: the same event to the same receiver
 * always gets the same key, however often the relay hands it over or the worker retries it.
 * BullMQ job ids may not contain ':'.
 */
export function deliveryKey(job: Pick<DeliverWebhookJob, 'receiverId'> & { event: Pick<NotificationEvent, 'eventId'> }): string {
  return `ntf.${job.event.eventId}.${job.receiverId}`;
}

/** Checks a payload read back from Redis before anything acts on it. */
export function isDeliverWebhookJob(data: unknown): data is DeliverWebhookJob {
  if (typeof data !== 'object' || data === null) return false;
  const { receiverId, event, ...rest } = data as Record<string, unknown>;
  return Object.keys(rest).length === 0 && isUuid(receiverId) && isNotificationEvent(event);
}

/** Attempts and backoff come from the settings (WEBHOOK_ATTEMPTS, WEBHOOK_BACKOFF_MS). */
export function deliveryJobOptions(settings: { attempts: number; backoffMs: number }) {
  return {
    attempts: settings.attempts,
    // Jitter spreads the retries of many deliveries to a receiver that was down.
    backoff: { type: 'exponential', delay: settings.backoffMs, jitter: 0.2 },
    // Redis holds queue state, not history; a key seen within a day is not queued again.
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}
