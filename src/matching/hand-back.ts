import type { DataSource } from 'typeorm';
import { writeMatchChunkToOutbox } from '../outbox/outbox-writer.js';
import { MATCH_CHUNK_RECORDS } from '../queue/matching-jobs.js';
import { MATCHER_VERSION } from './engine/person-for-matching.js';

/** Records handed back per transaction: small enough to keep locks short, large enough to keep up. */
export const HAND_BACK_CHUNK = 500;

export interface HandBackScope {
  /** A record younger than this is left to its own job. */
  minAgeSeconds: number;
  organisationId?: string;
}

/** Records of open requests whose current version has no finished run of this matcher. */
const UNMATCHED = `
  FROM person_record p
  JOIN tracing_request r ON r.id = p.request_id AND r.lifecycle = 'open'
  WHERE p.updated_at < now() - make_interval(secs => $2)
    AND ($3::uuid IS NULL OR p.organisation_id = $3)
    AND NOT EXISTS (
      SELECT 1 FROM match_run m
      WHERE m.person_id = p.id AND m.person_version = p.version AND m.matcher_version = $1)`;

/** How many records still wait for a run of the current matcher (what re-match-all reports). */
export async function countUnmatched(dataSource: DataSource, scope: HandBackScope): Promise<number> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count ${UNMATCHED}`, [
    MATCHER_VERSION,
    scope.minAgeSeconds,
    scope.organisationId ?? null,
  ]);
  return count;
}

/**
 * Hands one chunk of unmatched records to the queue again through the outbox, oldest first, in
 * chunk jobs of MATCH_CHUNK_RECORDS, and returns how many. Records that already wait in the outbox are skipped; job ids make a repeat
 * hand-off of a queued record harmless.
 */
export function handBackChunk(dataSource: DataSource, scope: HandBackScope): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const stale: { id: string; version: number }[] = await manager.query(
      `SELECT p.id, p.version ${UNMATCHED}
         AND NOT EXISTS (
           SELECT 1 FROM outbox_message o
           WHERE o.dispatched_at IS NULL
             AND (o.payload->>'personId' = p.id::text OR o.payload->'people' @> jsonb_build_array(jsonb_build_object('personId', p.id::text))))
       ORDER BY p.updated_at
       LIMIT ${HAND_BACK_CHUNK}`,
      [MATCHER_VERSION, scope.minAgeSeconds, scope.organisationId ?? null],
    );
    // In chunk jobs: a chunk shares the reading and scoring of its records' candidates (decision 0031).
    for (let from = 0; from < stale.length; from += MATCH_CHUNK_RECORDS) {
      const people = stale.slice(from, from + MATCH_CHUNK_RECORDS).map((p) => ({ personId: p.id, personVersion: p.version }));
      await writeMatchChunkToOutbox(manager, people);
    }
    return stale.length;
  });
}

/**
 * Hands back chunk after chunk while there is work and the queue keeps up: a new matcher version
 * re-matches everything at the workers' pace, and intake jobs never wait behind a million others.
 */
export async function handBackWhileQueueKeepsUp(
  dataSource: DataSource,
  scope: HandBackScope,
  queue: { backlog(): Promise<number>; maxBacklog: number; afterChunk?: () => void },
): Promise<number> {
  let total = 0;
  while ((await queue.backlog()) < queue.maxBacklog) {
    const handed = await handBackChunk(dataSource, scope);
    total += handed;
    if (handed > 0) queue.afterChunk?.();
    if (handed < HAND_BACK_CHUNK) break;
  }
  return total;
}
