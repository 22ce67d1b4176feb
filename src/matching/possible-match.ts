import type { EntityManager } from 'typeorm';
import { recordStatusChange, refreshRequestStatus } from '../tracing-requests/status-recorder.js';

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

/**
 * Moves a locked sought person from searching to possible_match, and their request with them, when
 * a candidate of theirs is still open for review. Returns whether it moved them (their request's
 * status is then refreshed). The proposal may have gone since a job stored it (the other request
 * closed or withdrawn, the pair decided), so this is read again under the lock, in a statement of
 * its own: one that waited for the lock reads what the holder committed.
 */
export async function proposeLocked(manager: EntityManager, person: MovablePerson, reviewThreshold: number): Promise<boolean> {
  if (person.status !== 'searching') return false;
  const [open]: unknown[] = await manager.query(
    `SELECT 1 FROM candidate_match c
     JOIN person_record o ON o.id = CASE WHEN c.person_a_id = $1 THEN c.person_b_id ELSE c.person_a_id END
     JOIN tracing_request r ON r.id = o.request_id AND r.lifecycle = 'open'
     WHERE (c.person_a_id = $1 OR c.person_b_id = $1) AND c.score >= $2
       AND c.review_status IN ('pending', 'need_more_info', 'awaiting_second_review')
     LIMIT 1`,
    [person.id, reviewThreshold],
  );
  if (!open) return false;
  await movePerson(manager, person, 'possible_match');
  await refreshRequestStatus(manager, person.requestId, { reasonCode: 'candidate_proposed', by: null });
  return true;
}

/**
 * The other side of a proposal, in its own transaction: its request and person locked in one
 * statement (request first, the order every writer locks in: PostgreSQL locks in the order of the
 * OF list), then moved if still searching in an open request.
 */
export async function proposeOther(manager: EntityManager, personId: string, reviewThreshold: number): Promise<boolean> {
  const [person]: (MovablePerson & { lifecycle: string })[] = await manager.query(
    `SELECT p.id, p.request_id AS "requestId", p.status, r.lifecycle
     FROM person_record p JOIN tracing_request r ON r.id = p.request_id
     WHERE p.id = $1
     FOR NO KEY UPDATE OF r, p`,
    [personId],
  );
  if (person?.lifecycle !== 'open') return false;
  return proposeLocked(manager, person, reviewThreshold);
}
