import { createHash } from 'node:crypto';
import { MIGRATIONS } from '../../database/data-source-options.js';
import { MATCHER_VERSION } from '../../matching/engine/person-for-matching.js';
import { addRequest, emptyBatch } from './dataset-rows.js';
import { GENERATOR_VERSION, storedRequests } from './generate-people.js';

/** Everything that changes what a loaded data set holds: a data set is reused only when all of it matches. */
export interface DatasetIdentity {
  records: number;
  seed: number;
  generatorVersion: number;
  /** class name of the last migration applied */
  schema: string;
  matcherVersion: number;
  encryption: 'off' | 'on';
  /**
   * A hash of the rows the first requests become (keys, birth ranges, baseline names): catches a
   * change to the service's key or column code that came without a new matcher version, so a set
   * loaded by the old code is loaded again rather than mixed with keys the new code makes.
   */
  rowsFingerprint: string;
}

const FINGERPRINT_REQUESTS = 200;
const FINGERPRINT_DAY = { year: 2026, month: 1, day: 1 };

function rowsFingerprint(seed: number): string {
  const batch = emptyBatch();
  const organisationId = '00000000-0000-4000-8000-000000000000';
  for (const request of storedRequests(seed, FINGERPRINT_REQUESTS)) addRequest(batch, request, organisationId, FINGERPRINT_DAY);
  return createHash('sha256').update(JSON.stringify(batch)).digest('hex').slice(0, 16);
}

export function datasetIdentity(records: number, seed: number, encryption: 'on' | 'off' = 'on'): DatasetIdentity {
  return {
    records,
    seed,
    generatorVersion: GENERATOR_VERSION,
    schema: MIGRATIONS[MIGRATIONS.length - 1].name,
    matcherVersion: MATCHER_VERSION,
    // 'on': names sealed and blocking keys blind-indexed, as the service stores them (decision 0028).
    encryption,
    rowsFingerprint: rowsFingerprint(seed),
  };
}

/**
 * The data set's folder name, e.g. `speed-n100000-seed1-g1-schema1764210000000-m1-enc-off`.
 * The schema is named by its last migration's timestamp (unique, as TypeORM requires) rather than
 * its whole class name: PostgreSQL's socket lives inside this folder and a socket path may not
 * exceed 107 bytes. The marker row in the database keeps the full identity (with the class name and
 * the rows' fingerprint) and is checked on reuse: a mismatch wipes and reloads the set.
 */
export function datasetFolder(identity: DatasetIdentity): string {
  const schema = /(\d+)$/.exec(identity.schema)?.[1] ?? identity.schema;
  return [
    'speed',
    `n${identity.records}`,
    `seed${identity.seed}`,
    `g${identity.generatorVersion}`,
    `schema${schema}`,
    `m${identity.matcherVersion}`,
    `enc-${identity.encryption}`,
  ].join('-');
}

/** Length of the PostgreSQL socket path a data set folder under `root` would get (the limit is 107). */
export function socketPathLength(root: string, folder: string): number {
  return Buffer.byteLength(`${root}/${folder}/postgres/.s.PGSQL.65535`);
}
