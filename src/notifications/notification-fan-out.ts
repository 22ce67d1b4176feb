import type { EntityManager } from 'typeorm';
import type { NotificationQueue } from '../queue/notification-queue.js';
import { audienceOf, type NotificationEvent } from './notification-events.js';

/**
 * Queues one delivery per active receiver of the event's organisation and audience: staff events
 * to staff-facing receivers, the coarse status to enquirer-facing ones, nothing to any other
 * organisation. Returns how many were queued. A failure part-way leaves the outbox row pending;
 * the next try re-adds the same job ids, which BullMQ ignores.
 */
export async function fanOutNotification(manager: EntityManager, queue: NotificationQueue, event: NotificationEvent): Promise<number> {
  const receivers: { id: string }[] = await manager.query(
    `SELECT id FROM webhook_receiver WHERE organisation_id = $1 AND audience = $2 AND is_active ORDER BY id`,
    [event.organisationId, audienceOf(event.type)],
  );
  for (const receiver of receivers) await queue.addDelivery({ receiverId: receiver.id, event });
  return receivers.length;
}
