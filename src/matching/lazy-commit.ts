import type { EntityManager } from 'typeorm';

/**
 * Lets the calling transaction commit without waiting for its WAL to reach the disk (decision
 * 0033). Only for a match job's own writes: everything it writes – candidates, its record's status
 * moves, notices, the outbox rows, and the match run – is derived from stored records, and the run
 * is written in the same transaction. If the server crashes before the WAL is flushed (a fraction
 * of a second), the whole transaction is gone together with its run, and the reconciler matches the
 * record again. Anything that acted on those rows durably (a reviewer's decision, the relay marking
 * a row sent) commits synchronously, which flushes the WAL up to and including them first.
 * Never for writes a person made, nor for a job whose work nobody would redo (propose-others).
 */
export async function commitWithoutWaitingForDisk(manager: EntityManager): Promise<void> {
  await manager.query(`SET LOCAL synchronous_commit = off`);
}

/**
 * commitWithoutWaitingForDisk as a column of the job's first statement (its lock and read, see
 * match-subject.ts): a round trip less per job. `set_config(…, true)` is what SET LOCAL does; it
 * runs once, for the locked row, and when no row is found the job writes nothing anyway.
 */
export const COMMIT_WITHOUT_WAITING_FOR_DISK_COLUMN = `set_config('synchronous_commit', 'off', true) AS "commitsLazily"`;
