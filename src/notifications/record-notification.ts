import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { insertOutboxRows } from '../outbox/outbox-rows.js';
import {
  notificationProblem,
  type NotificationEvent,
  type NotificationIds,
  type NotificationStatus,
  type NotificationType,
} from './notification-events.js';

/** The outbox topic of notifications; the relay fans each row out to the organisation's receivers. */
export const NOTIFICATION_TOPIC = 'notification';

export interface NotificationInput {
  /** the organisation whose staff must act (for a request: the request's organisation) */
  organisationId: string;
  type: NotificationType;
  /** opaque UUIDs under the names of NOTIFICATION_ID_NAMES; never a reference, a name or free text */
  ids: NotificationIds;
  /** only for request.status_changed (request status) and enquirer_status.changed (coarse status) */
  status?: NotificationStatus;
}

/**
 * Records a notification inside the caller's transaction: it is sent only if the change commits,
 * and at least once if it does (the outbox relay hands it to the delivery queue after commit).
 * Throws, rolling the change back, when the event carries anything but ids and codes.
 * Returns the event id.
 */
export async function recordNotification(manager: EntityManager, input: NotificationInput): Promise<string> {
  const [eventId] = await recordNotifications(manager, [input]);
  return eventId;
}

/**
 * recordNotification for several events in one statement (a match job's status moves and
 * announcements): each is checked first, so one malformed event writes none of them.
 * Returns the event ids in the order given.
 */
export async function recordNotifications(manager: EntityManager, inputs: readonly NotificationInput[]): Promise<string[]> {
  if (inputs.length === 0) return [];
  const occurredAt = new Date().toISOString();
  const events = inputs.map((input): NotificationEvent => ({
    eventId: randomUUID(),
    organisationId: input.organisationId,
    type: input.type,
    occurredAt,
    ids: { ...input.ids },
    ...(input.status !== undefined && { status: input.status }),
  }));
  for (const event of events) {
    const problem = notificationProblem(event);
    if (problem) throw new Error(`malformed notification: ${problem}`);
  }
  await insertOutboxRows(
    manager,
    events.map((event) => ({ topic: NOTIFICATION_TOPIC, payload: event })),
  );
  return events.map((event) => event.eventId);
}
