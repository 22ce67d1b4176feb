import type { EntityManager } from 'typeorm';
import { notifyRequestStatusChanges } from '../notifications/status-notifications.js';
import { PersonRecord } from '../persons/entities/person-record.entity.js';
import { TracingRequest } from './entities/tracing-request.entity.js';
import { assertLifecycleTransition, deriveRequestStatus } from './request-lifecycle.js';
import type { CoarseStatus, RequestLifecycle, RequestStatus, SoughtPersonStatus } from './request-vocabulary.js';
import { queryPrepared } from '../database/prepared-query.js';

export interface StatusChangeInput {
  requestId: string;
  personId?: string;
  from: string | null;
  to: string;
  reasonCode: string;
  /** null: the worker */
  by: string | null;
  /** For a change of the request's own status: what the enquirer heard before it and hears after it. */
  enquirer?: EnquirerStatusChange;
  /** the request's organisation, when the caller has read it (its notification needs it) */
  organisationId?: string;
}

export interface EnquirerStatusChange {
  from: CoarseStatus;
  to: CoarseStatus;
}

export async function recordStatusChange(manager: EntityManager, change: StatusChangeInput): Promise<void> {
  await recordStatusChanges(manager, [change]);
}

/**
 * History rows in the order given (read back by id), as arrays from parameter `$first` on
 * (statusChangeColumns): a constant text, prepared once (decision 0034).
 */
const insertStatusChangesSql = (first: number): string => {
  const [request, person, from, to, reason, by] = [0, 1, 2, 3, 4, 5].map((offset) => `$${first + offset}`);
  return `
  INSERT INTO status_change (request_id, person_id, from_status, to_status, reason_code, changed_by)
  SELECT t.request_id, t.person_id, t.from_status, t.to_status, t.reason_code, t.changed_by
  FROM unnest(${request}::uuid[], ${person}::uuid[], ${from}::text[], ${to}::text[], ${reason}::text[], ${by}::uuid[])
       WITH ORDINALITY AS t(request_id, person_id, from_status, to_status, reason_code, changed_by, n)
  ORDER BY t.n`;
};

const INSERT_STATUS_CHANGES_SQL = insertStatusChangesSql(1);

/** insertStatusChangesSql's six parameters. */
function statusChangeColumns(changes: readonly StatusChangeInput[]): unknown[] {
  return [
    changes.map((change) => change.requestId),
    changes.map((change) => change.personId ?? null),
    changes.map((change) => change.from),
    changes.map((change) => change.to),
    changes.map((change) => change.reasonCode),
    changes.map((change) => change.by),
  ];
}

/**
 * Records status changes in their history, in the order given, and their webhook events, committed
 * with them: one insert of history rows and at most one of events, however many changes.
 */
export async function recordStatusChanges(manager: EntityManager, changes: readonly StatusChangeInput[]): Promise<void> {
  if (changes.length === 0) return;
  await queryPrepared(manager, INSERT_STATUS_CHANGES_SQL, statusChangeColumns(changes));
  await notifyRequestStatusChanges(manager, changes);
}

/** Re-derives the request's status from its sought people and records the change, if any. The request row must be locked. */
export async function refreshRequestStatus(
  manager: EntityManager,
  requestId: string,
  cause: { reasonCode: string; by: string | null },
): Promise<void> {
  const request = await manager.findOneByOrFail(TracingRequest, { id: requestId });
  const sought = await manager.find(PersonRecord, { where: { requestId, role: 'sought' }, select: { id: true, status: true } });
  await applyDerivedRequestStatus(
    manager,
    request,
    sought.map((p) => p.status as SoughtPersonStatus),
    cause,
  );
}

/**
 * refreshRequestStatus for a caller that has read the locked request's lifecycle and status and its
 * sought people's statuses already (the match job reads them with its locks: two statements less
 * per proposal). The request row must be locked, and the statuses read after its lock was taken.
 */
export async function applyDerivedRequestStatus(
  manager: EntityManager,
  request: { id: string; lifecycle: RequestLifecycle; status: string },
  soughtStatuses: readonly SoughtPersonStatus[],
  cause: { reasonCode: string; by: string | null },
): Promise<void> {
  const status = deriveRequestStatus(request.lifecycle, soughtStatuses);
  if (status === request.status) return;
  const enquirer = await writeRequestStatus(manager, request.id, { status });
  await recordStatusChange(manager, { requestId: request.id, from: request.status, to: status, ...cause, enquirer });
}

/**
 * Moves a locked request to another lifecycle state (withdrawn, closed, closed_no_match) and records
 * the change. Every lifecycle move goes through here, so each is checked and recorded alike; the
 * coarse status's day follows in the database (migration 1764400000000).
 */
export async function changeLifecycle(
  manager: EntityManager,
  request: Pick<TracingRequest, 'id' | 'lifecycle' | 'status' | 'version'>,
  to: Exclude<RequestLifecycle, 'open'>,
  cause: { reasonCode: string; by: string | null },
): Promise<void> {
  assertLifecycleTransition(request.lifecycle, to);
  const enquirer = await writeRequestStatus(manager, request.id, { lifecycle: to, status: to, version: request.version + 1 });
  await recordStatusChange(manager, { requestId: request.id, from: request.status, to, ...cause, enquirer });
}

/**
 * Writes a locked request's status and returns what the enquirer heard before and hears after: the
 * database trigger decides the latter (migration 1764500000000), and a closure after the search
 * period's end changes nothing for the enquirer.
 */
async function writeRequestStatus(
  manager: EntityManager,
  requestId: string,
  set: { status: RequestStatus; lifecycle?: RequestLifecycle; version?: number },
): Promise<EnquirerStatusChange> {
  const [written] = await writeRequestStatuses(manager, [{ id: requestId, ...set }]);
  return written;
}

/**
 * The requests' update as a WITH query `written` from parameter `$first` on (id, status, lifecycle,
 * version arrays), returning what each enquirer heard before and hears after: a WITH query reads
 * the rows as they were before the statement's own UPDATE.
 */
const requestStatusWritesSql = (first: number): string => `
  t AS (SELECT * FROM unnest($${first}::uuid[], $${first + 1}::text[], $${first + 2}::text[], $${first + 3}::int[]) AS t(id, status, lifecycle, version)),
  before AS (SELECT r.id, r.enquirer_status FROM tracing_request r JOIN t ON t.id = r.id),
  written AS (
    UPDATE tracing_request r
       SET status = t.status, lifecycle = coalesce(t.lifecycle, r.lifecycle), version = coalesce(t.version, r.version), updated_at = now()
      FROM t JOIN before ON before.id = t.id
     WHERE r.id = t.id
    RETURNING r.id, before.enquirer_status AS "from", r.enquirer_status AS "to")`;

type RequestStatusWrite = { id: string; status: RequestStatus; lifecycle?: RequestLifecycle; version?: number };

function requestStatusColumns(writes: readonly RequestStatusWrite[]): unknown[] {
  return [
    writes.map((w) => w.id),
    writes.map((w) => w.status),
    writes.map((w) => w.lifecycle ?? null),
    writes.map((w) => w.version ?? null),
  ];
}

/** What each enquirer heard, in the order of the writes. */
function heardInOrder(
  writes: readonly RequestStatusWrite[],
  rows: readonly (EnquirerStatusChange & { id: string })[],
): EnquirerStatusChange[] {
  const byId = new Map(rows.map((row) => [row.id, { from: row.from, to: row.to }]));
  return writes.map((write) => {
    const written = byId.get(write.id);
    if (!written) throw new Error('the request to update does not exist');
    return written;
  });
}

const WRITE_REQUEST_STATUSES_SQL = `WITH ${requestStatusWritesSql(1)} SELECT id, "from", "to" FROM written`;

/**
 * writeRequestStatus for several locked requests in one statement; returns what each enquirer
 * heard before and hears after, in the order given.
 */
async function writeRequestStatuses(manager: EntityManager, writes: readonly RequestStatusWrite[]): Promise<EnquirerStatusChange[]> {
  if (writes.length === 0) return [];
  const rows = await queryPrepared<EnquirerStatusChange & { id: string }>(
    manager,
    WRITE_REQUEST_STATUSES_SQL,
    requestStatusColumns(writes),
  );
  return heardInOrder(writes, rows);
}

/** Sought people's statuses, their requests' statuses and the history rows of both, in one statement (see writeStatusMoves). */
const WRITE_STATUS_MOVES_SQL = `
  WITH people AS (
    UPDATE person_record p SET status = m.status, updated_at = now()
    FROM unnest($1::uuid[], $2::text[]) AS m(id, status) WHERE p.id = m.id
  ), ${requestStatusWritesSql(3)},
  history AS (${insertStatusChangesSql(7)})
  SELECT id, "from", "to" FROM written`;

/**
 * The writes of sought people's status moves (status-moves.ts) in one statement where they took
 * three: the people's new statuses, their locked requests' derived statuses, and the history rows,
 * in the order given. None of them reads what another writes (the requests' trigger reads only its
 * own row), so one statement does what the three did, a round trip apiece less in a match job.
 * Returns what each request's enquirer heard before and hears after, in the order of `requests`;
 * the caller records the notifications, which need it.
 */
export async function writeStatusMoves(
  manager: EntityManager,
  moves: {
    people: readonly { id: string; status: SoughtPersonStatus }[];
    requests: readonly { id: string; status: RequestStatus }[];
    history: readonly StatusChangeInput[];
  },
): Promise<EnquirerStatusChange[]> {
  const rows = await queryPrepared<EnquirerStatusChange & { id: string }>(manager, WRITE_STATUS_MOVES_SQL, [
    moves.people.map((person) => person.id),
    moves.people.map((person) => person.status),
    ...requestStatusColumns(moves.requests),
    ...statusChangeColumns(moves.history),
  ]);
  return heardInOrder(moves.requests, rows);
}
