import type { EntityManager } from 'typeorm';
import type { CoarseStatus, RequestStatus } from '../tracing-requests/request-vocabulary.js';
import { recordNotification } from './record-notification.js';

/**
 * Notifications for a change of a request's own status (a status_change row without a person), in
 * the transaction that records it: request.status_changed for staff, and enquirer_status.changed only
 * when what the enquirer hears changes too – the stored enquirer status the case-status page reads,
 * so the webhook is no more an oracle than the page: a candidate, a confirmation or a refusal all
 * still read "searching", and a closure after the search period's end was already told as "ended".
 */
export async function notifyRequestStatusChange(
  manager: EntityManager,
  change: { requestId: string; personId?: string; from: string | null; to: string; enquirer?: { from: CoarseStatus; to: CoarseStatus } },
): Promise<void> {
  // A sought person's own change is not the request's; a request's first status (intake) is no change.
  if (change.personId || change.from === null || change.from === change.to) return;
  const to = change.to as RequestStatus;
  const [request]: { organisationId: string }[] = await manager.query(
    `SELECT organisation_id AS "organisationId" FROM tracing_request WHERE id = $1`,
    [change.requestId],
  );
  if (!request) return;
  const { organisationId } = request;
  const ids = { requestId: change.requestId };
  await recordNotification(manager, { organisationId, type: 'request.status_changed', ids, status: to });
  if (change.enquirer && change.enquirer.to !== change.enquirer.from) {
    await notifyEnquirerStatus(manager, { organisationId, requestId: change.requestId, status: change.enquirer.to });
  }
}

/** The enquirer-facing event, also sent by the search-period schedule when a search's period ends. */
export async function notifyEnquirerStatus(
  manager: EntityManager,
  event: { organisationId: string; requestId: string; status: CoarseStatus },
): Promise<void> {
  await recordNotification(manager, {
    organisationId: event.organisationId,
    type: 'enquirer_status.changed',
    ids: { requestId: event.requestId },
    status: event.status,
  });
}
