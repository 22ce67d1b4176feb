/**
 * `npm run --silent bench:blocking-rank -- --records FILE.csv ...` or `-- --speed-set 100000`: how
 * many true pairs blocking keeps under each way of ranking candidates and each cap, without scoring
 * (docs/decisions/0009-fewer-candidates-scored.md). The speed set must be loaded (bench:speed).
 */
import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../database/data-source-options.js';
import { storedBlockingKeys } from '../../matching/name-keys.js';
import { benchRoot, openBenchKeys, openBenchServices } from '../support/bench-services.js';
import { round } from '../support/stats.js';
import { datasetFolder, datasetIdentity } from '../speed/dataset-folder.js';
import { groupSize, storedIds } from '../speed/generate-people.js';
import { lockDataset } from '../speed/run-state.js';
import { HOT_KEY_ROWS, rankAll, SHARED_KEYS_SQL, type SharedKey } from './blocking-rankers.js';
import { readRecords } from './labelled-files.js';
import { engineView, loadRecords } from './load-records.js';
import { truePairsOf } from './records-quality.js';

const USAGE =
  'usage: npm run --silent bench:blocking-rank -- (--records FILE.csv ... | --speed-set N [--queries Q])  (prints one JSON line)';
const CAPS = [200, 100, 80, 60, 50, 40, 30, 20, Infinity];

interface CapFigures {
  completeness: number;
  truePairs: number;
  found: number;
  perRecord: number;
}

/**
 * The same at the speed benchmark's scale: stored records of humans recorded two or three times
 * (groups of the first third, all stored) each ask for their group's other records.
 */
async function rankSpeedSet(records: number, queries: number): Promise<Record<string, CapFigures>> {
  const seed = 1;
  const folder = datasetFolder(datasetIdentity(records, seed));
  const unlock = await lockDataset(join(benchRoot(), `${folder}.lock`));
  const services = await openBenchServices(folder);
  const pool = new pg.Pool({ connectionString: services.databaseUrl, max: 2 });
  try {
    const found = new Map<string, number>();
    const counts = new Map<string, number>();
    let truths = 0;
    let asked = 0;
    // Every seventh group, so the queries spread over the set.
    for (let group = 0; group < Math.floor(records / 3) && asked < queries; group += 7) {
      const size = groupSize(seed, group);
      if (size < 2) continue;
      asked += 1;
      const self = storedIds(seed, group, 0);
      const others = Array.from({ length: size - 1 }, (_, m) => storedIds(seed, group, m + 1).soughtId);
      truths += others.length;
      const [{ organisationId }] = (
        await pool.query(`SELECT organisation_id AS "organisationId" FROM person_record WHERE id = $1`, [self.soughtId])
      ).rows;
      const keys = (await pool.query(`SELECT key FROM person_name_key WHERE person_id = $1`, [self.soughtId])).rows.map(
        (r: { key: string }) => r.key,
      );
      const rows = (await pool.query(SHARED_KEYS_SQL, [organisationId, keys, self.requestId, HOT_KEY_ROWS])).rows;
      for (const [name, ranked] of rankAll(rows)) {
        for (const cap of CAPS) {
          const label = `${name}@${cap}`;
          const top = new Set(ranked.slice(0, cap));
          found.set(label, (found.get(label) ?? 0) + others.filter((id) => top.has(id)).length);
          counts.set(label, (counts.get(label) ?? 0) + Math.min(cap, ranked.length));
        }
      }
    }
    const result: Record<string, CapFigures> = {};
    for (const [label, hits] of found) {
      result[label] = {
        completeness: round(hits / truths, 4),
        truePairs: truths,
        found: hits,
        perRecord: round((counts.get(label) ?? 0) / asked, 1),
      };
    }
    return result;
  } finally {
    await pool.end();
    await services.stop();
    await unlock();
  }
}

const pairKey = (x: string, y: string): string => (x < y ? `${x}|${y}` : `${y}|${x}`);

/**
 * Pair completeness on a labelled records set per ranker and cap: a pair counts when either side's
 * capped list holds it, as in bench:quality's records mode.
 */
async function rankSet(file: string): Promise<Record<string, CapFigures>> {
  const records = await readRecords(file);
  const folder = `rank-${process.pid}-${Date.now()}`;
  const services = await openBenchServices(folder);
  const db = new DataSource(dataSourceOptions(services.databaseUrl));
  const keys = await openBenchKeys(services.databaseUrl);
  try {
    await db.initialize();
    const { organisationId, loaded } = await loadRecords(db, keys, records);
    const idOf = new Map(loaded.map((l) => [l.personId, l.record.id]));
    const truePairs = truePairsOf(records);
    // per ranker and cap: the pairs proposed from either side, and the candidates per record
    const found = new Map<string, Set<string>>();
    const counts = new Map<string, number>();
    for (const entry of loaded) {
      const stored = storedBlockingKeys(keys.index, engineView(entry.record, entry.personId));
      const rows: ({ personId: string } & SharedKey)[] = await db.query(SHARED_KEYS_SQL, [
        organisationId,
        stored,
        entry.requestId,
        HOT_KEY_ROWS,
      ]);
      for (const [name, ranked] of rankAll(rows)) {
        for (const cap of CAPS) {
          const label = `${name}@${cap}`;
          const set = found.get(label) ?? new Set<string>();
          for (const id of ranked.slice(0, cap)) set.add(pairKey(entry.record.id, idOf.get(id) ?? id));
          found.set(label, set);
          counts.set(label, (counts.get(label) ?? 0) + Math.min(cap, ranked.length));
        }
      }
    }
    const result: Record<string, CapFigures> = {};
    for (const [label, set] of found) {
      const hits = [...truePairs].filter((p) => set.has(p)).length;
      result[label] = {
        completeness: round(hits / truePairs.size, 4),
        truePairs: truePairs.size,
        found: hits,
        perRecord: round((counts.get(label) ?? 0) / loaded.length, 1),
      };
    }
    return result;
  } finally {
    await keys.close();
    if (db.isInitialized) await db.destroy();
    await services.stop();
    await rm(join(benchRoot(), folder), { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', multiple: true },
      'speed-set': { type: 'string' },
      queries: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const all: Record<string, Record<string, unknown>> = {};
  if (values['speed-set'])
    all[`speed-${values['speed-set']}`] = await rankSpeedSet(Number(values['speed-set']), Number(values.queries ?? 1000));
  else if (!values.records?.length) throw new Error(USAGE);
  for (const file of values.records ?? []) {
    all[basename(file, '.csv')] = await rankSet(file);
    process.stderr.write(`ranked ${file}\n`);
  }
  process.stdout.write(`${JSON.stringify(all)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
