import type { EntityManager } from 'typeorm';
import type { RequestLifecycle, SoughtPersonStatus } from '../tracing-requests/request-vocabulary.js';
import { applyDerivedRequestStatus, recordStatusChange } from '../tracing-requests/status-recorder.js';

/** A person a match job may move: ids, role and the status last read under the person's lock. */
export interface MovablePerson {
  id: string;
  requestId: string;
  status: string;
}

/** Moves a locked person and records the change in their request's history. */
export async function movePerson(manager: EntityManager, person: MovablePerson, to: 'searching' | 'possible_match'): Promise<void> {
  await manager.query(`UPDATE person_record SET status = $2, updated_at = now() WHERE id = $1`, [person.id, to]);
  const reasonCode = to === 'searching' ? 'matching_started' : 'candidate_proposed';
  await recordStatusChange(manager, { requestId: person.requestId, personId: person.id, from: person.status, to, reasonCode, by: null });
  person.status = to;
}

/** A locked request as read after its lock was taken. */
export interface LockedRequest {
  id: string;
  lifecycle: RequestLifecycle;
  status: string;
}

/**
 * Moves a locked sought person from searching to possible_match, and their request with them, when
 * a candidate of theirs is still open for review; returns whether it moved them. The proposal may
 * have gone since a job stored it (the other request closed or withdrawn, the pair decided), so it
 * is read again after the lock, in a statement of its own (one that waited for the lock reads what
 * the holder committed), with the statuses of the request's sought people that its status derives
 * from.
 */
export async function proposeLocked(
  manager: EntityManager,
  person: MovablePerson,
  request: LockedRequest,
  reviewThreshold: number,
): Promise<boolean> {
  if (person.status !== 'searching') return false;
  const [{ open, sought }]: { open: boolean; sought: { id: string; status: SoughtPersonStatus }[] }[] = await manager.query(
    `SELECT EXISTS (
              SELECT 1 FROM candidate_match c
              JOIN person_record o ON o.id = CASE WHEN c.person_a_id = $1 THEN c.person_b_id ELSE c.person_a_id END
              JOIN tracing_request r ON r.id = o.request_id AND r.lifecycle = 'open'
              WHERE (c.person_a_id = $1 OR c.person_b_id = $1) AND c.score >= $2
                AND c.review_status IN ('pending', 'need_more_info', 'awaiting_second_review')) AS open,
            (SELECT json_agg(json_build_object('id', s.id, 'status', s.status))
             FROM person_record s WHERE s.request_id = $3 AND s.role = 'sought') AS sought`,
    [person.id, reviewThreshold, request.id],
  );
  if (!open) return false;
  await movePerson(manager, person, 'possible_match');
  const statuses = sought.map((s) => (s.id === person.id ? 'possible_match' : s.status));
  await applyDerivedRequestStatus(manager, request, statuses, { reasonCode: 'candidate_proposed', by: null });
  return true;
}

/**
 * The other side of a proposal, in its own transaction: its request and person locked in one
 * statement (request first, the order every writer locks in: PostgreSQL locks in the order of the
 * OF list; the locked rows' columns are read as they are once locked), then moved if still
 * searching in an open request.
 */
export async function proposeOther(manager: EntityManager, personId: string, reviewThreshold: number): Promise<boolean> {
  const [row]: (MovablePerson & { lifecycle: RequestLifecycle; requestStatus: string })[] = await manager.query(
    `SELECT p.id, p.request_id AS "requestId", p.status, r.lifecycle, r.status AS "requestStatus"
     FROM person_record p JOIN tracing_request r ON r.id = p.request_id
     WHERE p.id = $1
     FOR NO KEY UPDATE OF r, p`,
    [personId],
  );
  if (row?.lifecycle !== 'open') return false;
  return proposeLocked(manager, row, { id: row.requestId, lifecycle: row.lifecycle, status: row.requestStatus }, reviewThreshold);
}
