import type { DataSource, EntityManager } from 'typeorm';
import { mayMatchAcrossSql } from '../sharing-agreements/active-agreements.js';
import type { SoughtPersonStatus, StatusReasonCode } from '../tracing-requests/request-vocabulary.js';
import { moveSoughtPerson, type SoughtPersonState } from '../tracing-requests/sought-person-moves.js';
import { refreshRequestStatus } from '../tracing-requests/status-recorder.js';

/**
 * Where a sought person in review stands once one of their candidates has closed without a find:
 * still on hold while another flagged confirmation waits for its second reviewer, in review while
 * other candidates are open, searching again when none is. The caller holds the request's lock.
 */
export async function settleSoughtPerson(
  manager: EntityManager,
  person: SoughtPersonState,
  cause: { reasonCode: StatusReasonCode; by: string | null; closedCandidateId?: string },
): Promise<void> {
  if (person.status !== 'possible_match' && person.status !== 'on_hold') return;
  const [others]: { open: number; awaiting: number }[] = await manager.query(
    `SELECT count(*)::int AS open, count(*) FILTER (WHERE c.review_status = 'awaiting_second_review')::int AS awaiting
     FROM candidate_match c
     JOIN person_record o ON o.id = CASE WHEN c.person_a_id = $1 THEN c.person_b_id ELSE c.person_a_id END
     JOIN tracing_request r ON r.id = o.request_id AND r.lifecycle = 'open'
     WHERE (c.person_a_id = $1 OR c.person_b_id = $1) AND c.id IS DISTINCT FROM $2::uuid
       AND (c.other_organisation_id IS NULL OR ${mayMatchAcrossSql('c.organisation_id', 'c.other_organisation_id')})
       AND c.review_status IN ('pending', 'need_more_info', 'awaiting_second_review')`,
    [person.personId, cause.closedCandidateId ?? null],
  );
  const target: SoughtPersonStatus = others.awaiting > 0 ? 'on_hold' : others.open > 0 ? 'possible_match' : 'searching';
  await moveSoughtPerson(manager, person, target, cause);
}

/**
 * After a request leaves matching (closed or withdrawn), the sought people of other requests whose
 * candidates it took along are settled, each in a transaction of its own after the first has
 * committed: locking their requests while holding the first could deadlock with a writer going the
 * other way.
 */
export async function settleCounterparts(dataSource: DataSource, personIds: readonly string[], by: string | null): Promise<void> {
  for (const personId of personIds) {
    await dataSource.transaction(async (manager) => {
      const [row]: { requestId: string }[] = await manager.query(`SELECT request_id AS "requestId" FROM person_record WHERE id = $1`, [
        personId,
      ]);
      if (!row) return;
      await manager.query(`SELECT 1 FROM tracing_request WHERE id = $1 AND lifecycle = 'open' FOR NO KEY UPDATE`, [row.requestId]);
      const [person]: SoughtPersonState[] = await manager.query(
        `SELECT id AS "personId", request_id AS "requestId", status FROM person_record WHERE id = $1 FOR NO KEY UPDATE`,
        [personId],
      );
      await settleSoughtPerson(manager, person, { reasonCode: 'review_settled', by });
      await refreshRequestStatus(manager, row.requestId, { reasonCode: 'review_settled', by });
    });
  }
}

/** The sought people of other requests who have an open candidate with someone of this request. */
export async function counterpartsInReview(manager: EntityManager, requestId: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT DISTINCT o.id
     FROM person_record mine
     JOIN candidate_match c ON mine.id IN (c.person_a_id, c.person_b_id)
     JOIN person_record o ON o.id = CASE WHEN c.person_a_id = mine.id THEN c.person_b_id ELSE c.person_a_id END
     WHERE mine.request_id = $1 AND o.request_id <> $1 AND o.role = 'sought'
       AND o.status IN ('possible_match', 'on_hold')
       AND c.review_status IN ('pending', 'need_more_info', 'awaiting_second_review')`,
    [requestId],
  );
  return rows.map((r) => r.id);
}
