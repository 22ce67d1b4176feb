import type { DataSource } from 'typeorm';
import type { ErasedSubject } from '../key-store/key-store.js';
import { refreshRequestStatus } from '../tracing-requests/status-recorder.js';

export interface ReappliedErasures {
  requests: number;
  persons: number;
  candidates: number;
}

/**
 * After a restore: the erasure log (kept with the key store, not in the data) names everyone erased
 * since the backup was taken too. Their rows go again – with a tombstone where the restored data
 * has none – so an older backup never brings an erased person back; their sealed values could not
 * be opened anyway, their keys being gone.
 */
export async function reapplyErasures(dataSource: DataSource, erased: readonly ErasedSubject[]): Promise<ReappliedErasures> {
  const idsOf = (type: ErasedSubject['type']) => erased.filter((s) => s.type === type).map((s) => s.id);
  const [requestIds, personIds, candidateIds] = [idsOf('request'), idsOf('person'), idsOf('candidate')];
  return dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO erasure_tombstone (organisation_id, entity_type, entity_id, request_reference, reason_code)
       SELECT organisation_id, 'tracing_request', id, reference, 'erased_before_restore' FROM tracing_request WHERE id = ANY ($1::uuid[])
       UNION ALL
       SELECT r.organisation_id, 'person_record', p.id, r.reference, 'erased_before_restore'
         FROM person_record p JOIN tracing_request r ON r.id = p.request_id WHERE p.id = ANY ($2::uuid[])
       ON CONFLICT (entity_type, entity_id) DO NOTHING`,
      [requestIds, personIds],
    );
    const all = [...requestIds, ...personIds, ...candidateIds];
    await manager.query(
      `DELETE FROM outbox_message o WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS i(id) WHERE strpos(o.payload::text, i.id) > 0)`,
      [all],
    );
    const [, requests]: [unknown, number] = await manager.query(`DELETE FROM tracing_request WHERE id = ANY ($1::uuid[])`, [requestIds]);
    const [touched, persons]: [{ request_id: string }[], number] = await manager.query(
      `DELETE FROM person_record WHERE id = ANY ($1::uuid[]) RETURNING request_id`,
      [personIds],
    );
    const [, candidates]: [unknown, number] = await manager.query(`DELETE FROM candidate_match WHERE id = ANY ($1::uuid[])`, [
      candidateIds,
    ]);
    // A request that lost one of its people reads as it did after the erasure.
    for (const requestId of new Set(touched.map((row) => row.request_id))) {
      await manager.query(`SELECT 1 FROM tracing_request WHERE id = $1 FOR UPDATE`, [requestId]);
      await refreshRequestStatus(manager, requestId, { reasonCode: 'person_erased', by: null });
    }
    return { requests, persons, candidates };
  });
}
