import type { EntityManager } from 'typeorm';
import type { NotificationQueue } from '../queue/notification-queue.js';
import { audienceOf, type NotificationEvent } from './notification-events.js';

/** The active receivers of an organisation for an audience. */
export type ReceiverLookup = (organisationId: string, audience: string) => Promise<{ id: string }[]>;

/**
 * Reads each organisation's receivers for an audience once per relay batch: a batch holds several
 * events of one organisation (a match job moving several requests), and receivers change rarely.
 */
export function receiversReadOncePerBatch(manager: EntityManager): ReceiverLookup {
  const read = new Map<string, Promise<{ id: string }[]>>();
  return (organisationId, audience) => {
    const key = `${organisationId} ${audience}`;
    let receivers = read.get(key);
    if (!receivers) {
      receivers = manager.query(`SELECT id FROM webhook_receiver WHERE organisation_id = $1 AND audience = $2 AND is_active ORDER BY id`, [
        organisationId,
        audience,
      ]);
      read.set(key, receivers);
    }
    return receivers;
  };
}

/**
 * Queues one delivery per active receiver of the event's organisation and audience: staff events
 * to staff-facing receivers, the coarse status to enquirer-facing ones, nothing to any other
 * organisation. Returns how many were queued. A failure part-way leaves the outbox row pending;
 * the next try re-adds the same job ids, which BullMQ ignores.
 */
export async function fanOutNotification(receivers: ReceiverLookup, queue: NotificationQueue, event: NotificationEvent): Promise<number> {
  const active = await receivers(event.organisationId, audienceOf(event.type));
  for (const receiver of active) await queue.addDelivery({ receiverId: receiver.id, event });
  return active.length;
}
