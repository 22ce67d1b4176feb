import { constants } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import type pg from 'pg';
import type { LoadedDataset } from './load-dataset.js';

/**
 * Puts a loaded data set back as it was loaded: the query requests of earlier runs or phases go
 * (with their people, names, keys, candidates and match runs), as do candidates, match runs,
 * status history, review announcements and outbox rows; people a candidate moved on are searching
 * again. Each run, and each phase of a run, starts from the same state. CASCADE: the review
 * tables reference candidates (a benchmark writes none of their rows, but PostgreSQL refuses to
 * truncate a referenced table alone).
 */
export async function resetRunState(pool: pg.Pool, dataset: LoadedDataset): Promise<void> {
  await pool.query(`TRUNCATE status_change, candidate_match, candidate_review_notice, match_run, outbox_message CASCADE`);
  await pool.query(`DELETE FROM tracing_request WHERE officer_id = $1`, [dataset.queryOfficerId]);
  await pool.query(`UPDATE person_record SET status = 'searching' WHERE role = 'sought' AND status <> 'searching'`);
  await pool.query(`UPDATE tracing_request SET status = 'searching' WHERE status <> 'searching'`);
}

/**
 * One run per data set at a time: a second run would restart the same PostgreSQL cluster under the
 * first. The lock file holds our pid; a lock whose process is gone is taken over.
 */
export async function lockDataset(path: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(await readFile(path, 'utf8').catch(() => '0'));
      if (pid > 0 && isAlive(pid)) throw new Error(`another benchmark run (pid ${pid}) uses this data set`, { cause: error });
      await rm(path, { force: true });
    }
  }
  throw new Error('could not take the data set lock');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
