import type { EntityManager } from 'typeorm';
import type { RequestLifecycle, SoughtPersonStatus } from '../tracing-requests/request-vocabulary.js';
import { applySoughtPersonMoves, type LockedRequestState, type SoughtPersonMove } from '../tracing-requests/status-moves.js';
import { queryPrepared } from '../database/prepared-query.js';

/** What proposals depend on, read after the requests' locks were taken. */
export interface ProposalState {
  /** the given people who have a candidate still open for review, with someone of an open request */
  open: Set<string>;
  /** the sought people of the given requests, by request: their statuses derive the requests' */
  sought: Map<string, Map<string, SoughtPersonStatus>>;
}

/**
 * Reads, in one statement, which of the given people still have an open proposal and the statuses
 * of the given requests' sought people. The proposal may have gone since a job stored it (the other
 * request closed or withdrawn, the pair decided), so it is read after the lock, in a statement of its
 * own: one that waited for the lock sees what the holder committed.
 */
export async function readProposalState(
  manager: EntityManager,
  personIds: readonly string[],
  requestIds: readonly string[],
  reviewThreshold: number,
): Promise<ProposalState> {
  const [row] = await queryPrepared<{ open: string[]; sought: { id: string; requestId: string; status: SoughtPersonStatus }[] }>(
    manager,
    `SELECT ARRAY(
              SELECT x.id FROM unnest($1::uuid[]) AS x(id)
              WHERE EXISTS (
                SELECT 1 FROM candidate_match c
                JOIN person_record o ON o.id = CASE WHEN c.person_a_id = x.id THEN c.person_b_id ELSE c.person_a_id END
                JOIN tracing_request r ON r.id = o.request_id AND r.lifecycle = 'open'
                WHERE (c.person_a_id = x.id OR c.person_b_id = x.id) AND c.score >= $2
                  AND c.review_status IN ('pending', 'need_more_info', 'awaiting_second_review')))::text[] AS open,
            (SELECT coalesce(json_agg(json_build_object('id', s.id, 'requestId', s.request_id, 'status', s.status)), '[]'::json)
             FROM person_record s WHERE s.request_id = ANY($3::uuid[]) AND s.role = 'sought') AS sought`,
    [personIds, reviewThreshold, requestIds],
  );
  const sought = new Map<string, Map<string, SoughtPersonStatus>>(requestIds.map((id) => [id, new Map()]));
  for (const person of row.sought) sought.get(person.requestId)?.set(person.id, person.status);
  return { open: new Set(row.open), sought };
}

/** A locked request's state for status moves, from its lock's columns and the proposal state. */
export function lockedRequestState(
  request: { id: string; organisationId: string; lifecycle: RequestLifecycle; status: string },
  state: ProposalState,
): LockedRequestState {
  return { ...request, sought: state.sought.get(request.id) ?? new Map() };
}

interface LockedOther {
  id: string;
  requestId: string;
  status: string;
  organisationId: string;
  lifecycle: RequestLifecycle;
  requestStatus: string;
}

/**
 * The other sides of a job's proposals, in a job of their own after the match job committed:
 * their requests and people locked in one statement, in request id order (the order reviewers lock
 * several requests in, so two such transactions cannot deadlock; within a row PostgreSQL locks in
 * the order of the OF list, request before person, as every writer does; the locked rows' columns
 * are read as they are once locked), then each sought person still searching in an open request,
 * with a proposal still open, moved to possible_match with their request. Returns how many moved.
 */
export async function proposeOthers(manager: EntityManager, personIds: readonly string[], reviewThreshold: number): Promise<number> {
  if (personIds.length === 0) return 0;
  const locked: LockedOther[] = await manager.query(
    `SELECT p.id, p.request_id AS "requestId", p.status, r.organisation_id AS "organisationId", r.lifecycle, r.status AS "requestStatus"
     FROM person_record p JOIN tracing_request r ON r.id = p.request_id
     WHERE p.id = ANY($1::uuid[]) AND p.role = 'sought'
     ORDER BY r.id, p.id
     FOR NO KEY UPDATE OF r, p`,
    [personIds],
  );
  const searching = locked.filter((person) => person.lifecycle === 'open' && person.status === 'searching');
  if (searching.length === 0) return 0;
  const requestIds = [...new Set(searching.map((person) => person.requestId))];
  const state = await readProposalState(
    manager,
    searching.map((person) => person.id),
    requestIds,
    reviewThreshold,
  );
  const requests = new Map<string, LockedRequestState>();
  for (const person of searching) {
    const { requestId: id, organisationId, lifecycle, requestStatus: status } = person;
    if (!requests.has(id)) requests.set(id, lockedRequestState({ id, organisationId, lifecycle, status }, state));
  }
  const moves: SoughtPersonMove[] = searching
    .filter((person) => state.open.has(person.id))
    .map((person) => ({ personId: person.id, requestId: person.requestId, to: 'possible_match', reasonCode: 'candidate_proposed' }));
  await applySoughtPersonMoves(manager, [...requests.values()], moves, null);
  return moves.length;
}

/** A record a match job has locked, with its request as read under the lock. */
export interface LockedMatchedRecord {
  id: string;
  role: string;
  status: string;
  request: { id: string; organisationId: string; lifecycle: RequestLifecycle; status: string };
}

/**
 * The job's own sought people: submitted → searching when their first match starts, and on to
 * possible_match when they proposed a candidate still open for review; their requests' statuses
 * follow. All in the statements of one applySoughtPersonMoves, however many records (a chunk);
 * nothing is written when nothing moves, and nothing moves backwards.
 */
export async function moveMatchedRecords(
  manager: EntityManager,
  records: readonly LockedMatchedRecord[],
  proposing: ReadonlySet<string>,
  reviewThreshold: number,
): Promise<void> {
  const steps = records
    .filter((record) => record.role === 'sought')
    .map((record) => {
      const startsSearching = record.status === 'submitted';
      const proposes = proposing.has(record.id) && (startsSearching || record.status === 'searching');
      return { record, startsSearching, proposes };
    })
    .filter((step) => step.startsSearching || step.proposes);
  if (steps.length === 0) return;
  const state = await readProposalState(
    manager,
    steps.filter((step) => step.proposes).map((step) => step.record.id),
    [...new Set(steps.map((step) => step.record.request.id))],
    reviewThreshold,
  );
  const requests = new Map(steps.map(({ record }) => [record.request.id, lockedRequestState(record.request, state)]));
  const moves: SoughtPersonMove[] = [];
  for (const { record, startsSearching, proposes } of steps) {
    const move = { personId: record.id, requestId: record.request.id };
    if (startsSearching) moves.push({ ...move, to: 'searching', reasonCode: 'matching_started' });
    if (proposes && state.open.has(record.id)) moves.push({ ...move, to: 'possible_match', reasonCode: 'candidate_proposed' });
  }
  await applySoughtPersonMoves(manager, [...requests.values()], moves, null);
}
