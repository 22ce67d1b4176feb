import type { EntityManager } from 'typeorm';
import { toCoarseStatus } from '../case-status/coarse-status.js';
import type { RequestStatus } from '../tracing-requests/request-vocabulary.js';
import { recordNotification } from './record-notification.js';

/**
 * Notifications for a change of a request's own status (a status_change row without a person), in
 * the transaction that records it: request.status_changed for staff, and enquirer_status.changed only when the coarse status the
 * enquirer hears changes too (the same function decides both, so the webhook is no more an oracle
 * than the status itself: a candidate, a confirmation or a refusal all still read "searching").
 */
export async function notifyRequestStatusChange(
  manager: EntityManager,
  change: { requestId: string; personId?: string; from: string | null; to: string },
): Promise<void> {
  // A sought person's own change is not the request's; a request's first status (intake) is no change.
  if (change.personId || change.from === null || change.from === change.to) return;
  const from = change.from as RequestStatus;
  const to = change.to as RequestStatus;
  const [request]: { organisationId: string }[] = await manager.query(
    `SELECT organisation_id AS "organisationId" FROM tracing_request WHERE id = $1`,
    [change.requestId],
  );
  if (!request) return;
  const { organisationId } = request;
  const ids = { requestId: change.requestId };
  await recordNotification(manager, { organisationId, type: 'request.status_changed', ids, status: to });
  const coarse = toCoarseStatus(to);
  if (coarse !== toCoarseStatus(from)) {
    await recordNotification(manager, { organisationId, type: 'enquirer_status.changed', ids, status: coarse });
  }
}
