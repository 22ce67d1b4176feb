import type { EntityManager } from 'typeorm';
import type { ErasedSubject } from '../key-store/key-store.js';
import { refreshRequestStatus } from '../tracing-requests/status-recorder.js';

export interface ErasureScope {
  organisationId: string;
  requestId: string;
  reference: string;
  /** the people whose data goes; all of the request's when `wholeRequest` */
  personIds: string[];
  wholeRequest: boolean;
  reasonCode: string;
  by: string | null;
}

/** What the database erasure removed and the queue clean-up still has to look for. */
export interface ErasedIds {
  personIds: string[];
  personVersions: number[];
  candidateIds: string[];
  requestId: string;
  wholeRequest: boolean;
}

/**
 * The key-store subjects whose keys an erasure destroys: the people, the candidate pairs they were
 * part of (decision notes, consent messages) and, for a whole request, the request (circumstances).
 */
export function erasedSubjects(erased: ErasedIds): ErasedSubject[] {
  return [
    ...erased.personIds.map((id) => ({ id, type: 'person' as const })),
    ...erased.candidateIds.map((id) => ({ id, type: 'candidate' as const })),
    ...(erased.wholeRequest ? [{ id: erased.requestId, type: 'request' as const }] : []),
  ];
}

/**
 * Deletes a person's (or a whole request's) personal data from every table in the caller's
 * transaction, and writes the tombstones. Most of it goes by the foreign keys' ON DELETE CASCADE
 * (names, contact details, keys, candidates and with them decisions and their notes, identity
 * checks, consents and their messages, overrides, follow-up questions, status history, match runs);
 * the outbox is searched by id because its payloads are not foreign keys. The audit trail stays: it
 * holds ids and codes only, by design, so it outlives the erasure.
 */
export async function eraseRows(manager: EntityManager, scope: ErasureScope): Promise<ErasedIds> {
  const people: { id: string; version: number }[] = await manager.query(
    `SELECT id, version FROM person_record WHERE id = ANY($1::uuid[])`,
    [scope.personIds],
  );
  const candidates: { id: string }[] = await manager.query(
    `SELECT id FROM candidate_match WHERE person_a_id = ANY($1::uuid[]) OR person_b_id = ANY($1::uuid[])`,
    [scope.personIds],
  );
  const ids = [...scope.personIds, ...candidates.map((c) => c.id), ...(scope.wholeRequest ? [scope.requestId] : [])];
  await manager.query(
    `DELETE FROM outbox_message o WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS i(id) WHERE strpos(o.payload::text, i.id) > 0)`,
    [ids],
  );
  if (scope.wholeRequest) {
    await manager.query(`DELETE FROM tracing_request WHERE id = $1`, [scope.requestId]);
  } else {
    await manager.query(`DELETE FROM person_record WHERE id = ANY($1::uuid[])`, [scope.personIds]);
    await refreshRequestStatus(manager, scope.requestId, { reasonCode: 'person_erased', by: scope.by });
  }
  const tombstones = [
    ...(scope.wholeRequest ? [{ type: 'tracing_request', id: scope.requestId }] : []),
    ...scope.personIds.map((id) => ({ type: 'person_record', id })),
  ];
  await manager.query(
    `INSERT INTO erasure_tombstone (organisation_id, entity_type, entity_id, request_reference, reason_code, erased_by)
     SELECT $1, t.type, t.id, $4, $5, $6 FROM unnest($2::text[], $3::uuid[]) AS t(type, id)`,
    [scope.organisationId, tombstones.map((t) => t.type), tombstones.map((t) => t.id), scope.reference, scope.reasonCode, scope.by],
  );
  return {
    personIds: scope.personIds,
    personVersions: people.map((p) => p.version),
    candidateIds: candidates.map((c) => c.id),
    requestId: scope.requestId,
    wholeRequest: scope.wholeRequest,
  };
}
