import type { EntityManager } from 'typeorm';
import { deriveRequestStatus } from './request-lifecycle.js';
import type { RequestLifecycle, SoughtPersonStatus } from './request-vocabulary.js';
import { notifyRequestStatusChanges } from '../notifications/status-notifications.js';
import { writeStatusMoves, type StatusChangeInput } from './status-recorder.js';

/** A request its caller holds locked, as read after the lock was taken: what its status derives from. */
export interface LockedRequestState {
  id: string;
  organisationId: string;
  lifecycle: RequestLifecycle;
  status: string;
  /** its sought people's statuses by person id, read after the request's lock was taken */
  sought: Map<string, SoughtPersonStatus>;
}

/** One step of a sought person of a locked request; the caller decides that the step is allowed. */
export interface SoughtPersonMove {
  personId: string;
  requestId: string;
  to: SoughtPersonStatus;
  reasonCode: string;
}

/**
 * Applies moves of sought people of locked requests in the order given, then re-derives each
 * touched request's status from its sought people: one statement for the people, the requests and
 * the history rows (writeStatusMoves) and one insert of webhook events, however many people and
 * requests move.
 * A match job moves the other sides of its proposals this way: one person at a time it took about
 * ten statements each (decision 0031). The history keeps every step (submitted → searching →
 * possible_match is two rows), and a person's row is written once with where they end. The
 * requests' states are updated in place, so the caller's copy stays what the database holds.
 */
export async function applySoughtPersonMoves(
  manager: EntityManager,
  requests: readonly LockedRequestState[],
  moves: readonly SoughtPersonMove[],
  by: string | null,
): Promise<void> {
  const requestById = new Map(requests.map((request) => [request.id, request]));
  const history: StatusChangeInput[] = [];
  const endsAt = new Map<string, SoughtPersonStatus>();
  const causeByRequest = new Map<string, string>();
  for (const move of moves) {
    const request = requestById.get(move.requestId);
    const from = request?.sought.get(move.personId);
    if (!request || from === undefined) throw new Error('a move of a person whose request is not locked');
    if (from === move.to) continue;
    history.push({ requestId: request.id, personId: move.personId, from, to: move.to, reasonCode: move.reasonCode, by });
    request.sought.set(move.personId, move.to);
    endsAt.set(move.personId, move.to);
    causeByRequest.set(request.id, move.reasonCode);
  }
  if (endsAt.size === 0) return;
  const derived = [...causeByRequest].flatMap(([requestId, reasonCode]) => {
    const request = requestById.get(requestId) as LockedRequestState;
    const status = deriveRequestStatus(request.lifecycle, [...request.sought.values()]);
    return status === request.status ? [] : [{ request, status, reasonCode }];
  });
  const requestChanges: StatusChangeInput[] = derived.map(({ request, status, reasonCode }) => ({
    requestId: request.id,
    from: request.status,
    to: status,
    reasonCode,
    by,
    organisationId: request.organisationId,
  }));
  const heard = await writeStatusMoves(manager, {
    people: [...endsAt].map(([id, status]) => ({ id, status })),
    requests: derived.map(({ request, status }) => ({ id: request.id, status })),
    history: [...history, ...requestChanges],
  });
  derived.forEach(({ request, status }) => (request.status = status));
  await notifyRequestStatusChanges(
    manager,
    requestChanges.map((change, index) => ({ ...change, enquirer: heard[index] })),
  );
}
