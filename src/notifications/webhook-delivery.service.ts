import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment.js';
import { type DeliverWebhookJob, deliveryKey } from '../queue/notification-jobs.js';
import { buildWebhookBody } from './notification-events.js';
import { receiverUrlProblem } from './receiver-url.js';
import { WebhookReceiver } from './webhook-receiver.entity.js';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature.js';

/** Outcomes that end a delivery without another attempt. */
export type DeliveryOutcome = 'delivered' | 'receiver_gone' | 'receiver_inactive' | 'receiver_refused';

/** A failed attempt: BullMQ retries it with backoff. Its message names a status or a cause code, never the URL. */
export class DeliveryAttemptFailed extends Error {
  constructor(readonly reason: string) {
    super(`webhook delivery failed: ${reason}`);
  }
}

/**
 * One delivery attempt: re-reads the receiver (a receiver deactivated or deleted meanwhile gets
 * nothing more), POSTs the signed body, and counts only a 2xx as delivered. Redirects are not
 * followed: the event goes to the URL the admin configured or nowhere.
 */
@Injectable()
export class WebhookDeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: Environment,
  ) {}

  async deliver(job: DeliverWebhookJob): Promise<{ outcome: DeliveryOutcome; status?: number }> {
    const receiver = await this.dataSource.getRepository(WebhookReceiver).findOne({
      where: { id: job.receiverId },
      select: { id: true, organisationId: true, url: true, isActive: true, signingSecret: true },
    });
    if (!receiver) return { outcome: 'receiver_gone' };
    if (!receiver.isActive) return { outcome: 'receiver_inactive' };
    // Routing chose the receiver by organisation; checked again so no job can carry an event elsewhere,
    // nor to a URL the current settings would refuse (plain http after the loopback setting was turned off).
    if (receiver.organisationId !== job.event.organisationId) return { outcome: 'receiver_refused' };
    if (receiverUrlProblem(receiver.url, this.env.WEBHOOK_ALLOW_HTTP_LOOPBACK === 'true')) return { outcome: 'receiver_refused' };

    const body = buildWebhookBody(job.event);
    const timestamp = Math.floor(Date.now() / 1000);
    let response: Response;
    try {
      response = await fetch(receiver.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.env.WEBHOOK_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          [WEBHOOK_HEADERS.idempotencyKey]: deliveryKey(job),
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signWebhook(receiver.signingSecret, timestamp, body),
        },
        body,
      });
    } catch (error) {
      throw new DeliveryAttemptFailed(failureCause(error));
    }
    // The receiver's answer is not read: nothing it says is stored or logged.
    await response.body?.cancel().catch(() => undefined);
    if (response.status < 200 || response.status > 299) throw new DeliveryAttemptFailed(`status ${response.status}`);
    return { outcome: 'delivered', status: response.status };
  }
}

/** A code for a failed fetch (timeout, refused connection, TLS), without its message, which can quote the URL. */
function failureCause(error: unknown): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timeout';
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = cause?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? code.toLowerCase() : 'network_error';
}
