import type { EntityManager } from 'typeorm';
import type { CoarseStatus, RequestStatus } from '../tracing-requests/request-vocabulary.js';
import { recordNotifications, type NotificationInput } from './record-notification.js';

/** A status change as the notifications need it; the organisation when the caller knows it already. */
export interface NotifiableStatusChange {
  requestId: string;
  personId?: string;
  from: string | null;
  to: string;
  enquirer?: { from: CoarseStatus; to: CoarseStatus };
  /** the request's organisation, when the caller has read it (saves a statement) */
  organisationId?: string;
}

/**
 * Notifications for a change of a request's own status (a status_change row without a person), in
 * the transaction that records it: request.status_changed for staff, and enquirer_status.changed only
 * when what the enquirer hears changes too – the stored enquirer status the case-status page reads,
 * so the webhook is no more an oracle than the page: a candidate, a confirmation or a refusal all
 * still read "searching", and a closure after the search period's end was already told as "ended".
 */
export async function notifyRequestStatusChange(manager: EntityManager, change: NotifiableStatusChange): Promise<void> {
  await notifyRequestStatusChanges(manager, [change]);
}

/** notifyRequestStatusChange for several changes: at most one read of organisations and one insert. */
export async function notifyRequestStatusChanges(manager: EntityManager, changes: readonly NotifiableStatusChange[]): Promise<void> {
  // A sought person's own change is not the request's; a request's first status (intake) is no change.
  const notified = changes.filter((change) => !change.personId && change.from !== null && change.from !== change.to);
  if (notified.length === 0) return;
  const organisationOf = await organisationsOf(manager, notified);
  const inputs: NotificationInput[] = [];
  for (const change of notified) {
    const organisationId = organisationOf.get(change.requestId);
    if (!organisationId) continue;
    const ids = { requestId: change.requestId };
    inputs.push({ organisationId, type: 'request.status_changed', ids, status: change.to as RequestStatus });
    if (change.enquirer && change.enquirer.to !== change.enquirer.from)
      inputs.push(enquirerStatusEvent({ organisationId, requestId: change.requestId, status: change.enquirer.to }));
  }
  await recordNotifications(manager, inputs);
}

/** The requests' organisations: those the caller gave, and the rest read in one statement. */
async function organisationsOf(manager: EntityManager, changes: readonly NotifiableStatusChange[]): Promise<Map<string, string>> {
  const known = new Map(changes.flatMap((c) => (c.organisationId ? [[c.requestId, c.organisationId] as const] : [])));
  const unknown = [...new Set(changes.filter((c) => !known.has(c.requestId)).map((c) => c.requestId))];
  if (unknown.length === 0) return known;
  const rows: { id: string; organisationId: string }[] = await manager.query(
    `SELECT id, organisation_id AS "organisationId" FROM tracing_request WHERE id = ANY($1::uuid[])`,
    [unknown],
  );
  for (const row of rows) known.set(row.id, row.organisationId);
  return known;
}

function enquirerStatusEvent(event: { organisationId: string; requestId: string; status: CoarseStatus }): NotificationInput {
  return {
    organisationId: event.organisationId,
    type: 'enquirer_status.changed',
    ids: { requestId: event.requestId },
    status: event.status,
  };
}

/** The enquirer-facing event, also sent by the search-period schedule when a search's period ends. */
export async function notifyEnquirerStatus(
  manager: EntityManager,
  event: { organisationId: string; requestId: string; status: CoarseStatus },
): Promise<void> {
  await recordNotifications(manager, [enquirerStatusEvent(event)]);
}
