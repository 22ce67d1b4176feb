import { MIGRATIONS } from '../../database/data-source-options.js';
import { MATCHER_VERSION } from '../../matching/engine/person-for-matching.js';
import { datasetFolder, datasetIdentity, socketPathLength } from './dataset-folder.js';
import { GENERATOR_VERSION } from './generate-people.js';
import { identityDifferences } from './load-dataset.js';

describe('speed benchmark data set folders', () => {
  it('name the record count, seed, generator, schema, matcher and encryption', () => {
    const identity = datasetIdentity(100_000, 1);
    const timestamp = /(\d+)$/.exec(MIGRATIONS[MIGRATIONS.length - 1].name)?.[1];
    expect(datasetFolder(identity)).toBe(`speed-n100000-seed1-g${GENERATOR_VERSION}-schema${timestamp}-m${MATCHER_VERSION}-enc-on`);
    expect(identity.schema).toBe(MIGRATIONS[MIGRATIONS.length - 1].name);
  });

  it('fingerprint the rows the generated requests become, per seed', () => {
    expect(datasetIdentity(1000, 1).rowsFingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(datasetIdentity(5000, 1).rowsFingerprint).toBe(datasetIdentity(1000, 1).rowsFingerprint);
    expect(datasetIdentity(1000, 2).rowsFingerprint).not.toBe(datasetIdentity(1000, 1).rowsFingerprint);
  });

  it('differ whenever something that changes the stored data differs', () => {
    const base = datasetIdentity(1000, 1);
    const folders = new Set([
      datasetFolder(base),
      datasetFolder({ ...base, records: 1001 }),
      datasetFolder({ ...base, seed: 2 }),
      datasetFolder({ ...base, generatorVersion: base.generatorVersion + 1 }),
      datasetFolder({ ...base, schema: 'NextMigration1999999999999' }),
      datasetFolder({ ...base, matcherVersion: base.matcherVersion + 1 }),
      datasetFolder({ ...base, encryption: 'off' }),
    ]);
    expect(folders.size).toBe(7);
  });

  it('keep the PostgreSQL socket path of a million-record set under the 107-byte limit in the default root', () => {
    expect(socketPathLength('/var/tmp/rfl-tracing-bench', datasetFolder(datasetIdentity(1_000_000, 1)))).toBeLessThanOrEqual(107);
  });

  it('find a reused set the same whatever order its marker keeps the keys in (jsonb sorts them)', () => {
    const identity = datasetIdentity(1000, 1);
    const fromJsonb = Object.fromEntries(Object.entries(identity).sort(([a], [b]) => a.length - b.length || a.localeCompare(b)));
    expect(identityDifferences(fromJsonb as typeof identity, identity)).toEqual([]);
    expect(identityDifferences({ ...identity, matcherVersion: 99 }, identity)).toEqual(['matcherVersion']);
  });
});
