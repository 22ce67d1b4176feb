import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../../config/environment.js';
import { dataSourceOptions } from '../../database/data-source-options.js';
import { benchRoot, openBenchServices } from '../support/bench-services.js';
import { readPairs, readRecords } from './labelled-files.js';
import { atThreshold, expectedCalibrationError } from './classification-metrics.js';
import { fitLogistic, sigmoid } from './logistic-regression.js';
import { asModelWeights, FEATURES, pairFeatures, PRIOR_FEATURES, RECORDS_MARK } from './pair-features.js';
import { scoreNames } from './pair-quality.js';
import { scoreRecordCandidates } from './records-quality.js';

const USAGE = 'usage: npm run --silent bench:fit -- [--pairs FILE.csv ...] [--records FILE.csv ...] [--l2 1] [--pairs-share 0.5]';

/**
 * Estimates the pair model's weights from labelled data: every labelled pair (names only) and every
 * candidate that blocking proposes in the records sets, scored by the current engine for their
 * evidence, then a logistic regression on that evidence. Prints the weights in the shape of
 * src/matching/engine/data/model-weights.ts; copying them there is a reviewed change.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pairs: { type: 'string', multiple: true },
      records: { type: 'string', multiple: true },
      l2: { type: 'string' },
      'pairs-share': { type: 'string' },
    },
  });
  if (!values.pairs?.length && !values.records?.length) throw new Error(USAGE);
  const data: FitData = { rows: [], labels: [], groups: [], positives: new Map() };
  for (const file of values.pairs ?? []) {
    for (const pair of await readPairs(file)) {
      data.rows.push(pairFeatures(scoreNames(pair), 'pairs'));
      data.labels.push(pair.same);
      const group = `pairs ${pair.category ?? basename(file)}`;
      data.groups.push(group);
      if (pair.same) data.positives.set(group, (data.positives.get(group) ?? 0) + 1);
    }
  }
  if (values.records?.length) await addRecordCandidates(values.records, data);
  const { rows, labels } = data;
  const env = serviceEnvironment();
  // Labelled pairs are few beside the records' candidates, yet they are where names alone must
  // decide: --pairs-share sets their part of the total weight (by default as much as the records').
  // A comma-separated list fits once per share and prints how each does, the last one's weights win.
  let weights: number[] = [];
  for (const share of (values['pairs-share'] ?? '0.5').split(',').map(Number)) {
    weights = fitWeights(data, share, Number(values.l2 ?? 0.1));
    process.stderr.write(`pairs share ${share}:\n${evaluate(data, weights, env.MATCH_REVIEW_THRESHOLD)}`);
  }
  const logLoss =
    -rows.reduce((sum, row, i) => {
      const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(row.reduce((s, x, j) => s + x * weights[j], 0))));
      return sum + (labels[i] ? Math.log(p) : Math.log(1 - p));
    }, 0) / rows.length;
  process.stderr.write(`${rows.length} examples, ${labels.filter(Boolean).length} true; mean log loss ${logLoss.toFixed(4)}\n`);
  const support = FEATURES.map((_, i) => rows.filter((row) => row[i] !== 0).length);
  for (const [i, name] of FEATURES.entries()) {
    process.stderr.write(`  ${name.padEnd(24)} ${weights[i].toFixed(3).padStart(8)}   (${support[i]} examples)\n`);
  }
  process.stdout.write(`${JSON.stringify(asModelWeights(weights, support), null, 2)}\n`);
}

interface FitData {
  rows: number[][];
  labels: boolean[];
  /** the pair's category (pairs files) or file (records), for the figures per group */
  groups: string[];
  /** true pairs per group, those blocking never proposed included */
  positives: Map<string, number>;
}

function serviceEnvironment() {
  return loadEnvironment({
    ...process.env,
    DATABASE_URL: 'postgres://bench/unused',
    REDIS_URL: 'redis://bench/unused',
    KEYSTORE_DATABASE_URL: 'postgres://bench/unused',
    DATA_KEY_MASTER_KEYS: '0'.repeat(64),
    JWT_SECRET: 'x'.repeat(32),
  });
}

function fitWeights({ rows, labels }: FitData, pairsShare: number, l2: number): number[] {
  const recordRows = rows.filter((row) => row[RECORDS_MARK] === 1).length;
  const pairRows = rows.length - recordRows;
  const pairWeight = pairRows === 0 || recordRows === 0 ? 1 : (pairsShare / (1 - pairsShare)) * (recordRows / pairRows);
  const rowWeights = rows.map((row) => (row[RECORDS_MARK] === 1 ? 1 : pairWeight));
  return fitLogistic(rows, labels, { l2, unpenalised: PRIOR_FEATURES, rowWeights, fixed: fellegiSunterWeights(rows, labels) });
}

/** F1 and calibration error per group at the service's threshold, as bench:quality would print them. */
function evaluate({ rows, labels, groups, positives }: FitData, weights: readonly number[], threshold: number): string {
  const scored = rows.map((row, i) => ({
    score: sigmoid(row.reduce((s, x, j) => s + x * weights[j], 0)),
    same: labels[i],
    group: groups[i],
  }));
  return [...new Set(groups)]
    .map((group) => {
      const inGroup = scored.filter((s) => s.group === group);
      const at = atThreshold(inGroup, threshold, positives.get(group) ?? 0);
      return `  ${group.padEnd(40)} F1 ${at.f1.toFixed(4)}  P ${at.precision.toFixed(4)}  R ${at.recall.toFixed(4)}  ECE ${expectedCalibrationError(inGroup).toFixed(4)}\n`;
    })
    .join('');
}

/**
 * Weights held fixed while the prior and the name weights are fitted, estimated as in a
 * Fellegi-Sunter model from the records' blocked candidates: each outcome of birth date, sex and
 * place weighs log(m / u), its frequency among true pairs over its frequency among the others where
 * the field is known on both sides. So an unknown field weighs nothing, and a field present on
 * every record cannot stand in for the prior.
 */
function fellegiSunterWeights(rows: readonly number[][], labels: readonly boolean[]): Map<number, number> {
  const records = rows.map((row, i) => ({ row, same: labels[i] })).filter(({ row }) => row[RECORDS_MARK] === 1);
  // The mark itself never weighs: the model has one prior for every pair.
  const fixed = new Map<number, number>([[RECORDS_MARK, 0]]);
  if (records.length === 0) return fixed;
  for (const group of ['birth:', 'sex:', 'place:']) {
    const columns = FEATURES.flatMap((name, i) => (name.startsWith(group) ? [i] : []));
    const known = records.filter(({ row }) => columns.some((i) => row[i] !== 0));
    const trueKnown = known.filter((r) => r.same).length;
    const falseKnown = known.length - trueKnown;
    for (const i of columns) {
      const withOutcome = known.filter(({ row }) => row[i] !== 0);
      if (withOutcome.length === 0) continue;
      const m = (withOutcome.filter((r) => r.same).length + 0.5) / (trueKnown + 1);
      const u = (withOutcome.filter((r) => !r.same).length + 0.5) / (falseKnown + 1);
      // The labelled sets hold fewer recording errors than real case files (a wrong sex, a birth date
      // off by decades): no single field may outweigh the rest by more than MAX_FIELD_WEIGHT.
      fixed.set(i, Math.max(-MAX_FIELD_WEIGHT, Math.min(MAX_FIELD_WEIGHT, Math.log(m / u))));
    }
  }
  return fixed;
}

const MAX_FIELD_WEIGHT = 6;

async function addRecordCandidates(files: string[], data: FitData): Promise<void> {
  const env = serviceEnvironment();
  const folder = `fit-${process.pid}-${Date.now()}`;
  const services = await openBenchServices(folder);
  const db = new DataSource(dataSourceOptions(services.databaseUrl));
  try {
    await db.initialize();
    for (const file of files) {
      const records = await readRecords(file);
      const { candidates, truePairs } = await scoreRecordCandidates(db, env, records, (done) =>
        process.stderr.write(`${file}: ${done}/${records.length}\r`),
      );
      const group = `records ${basename(file)}`;
      data.positives.set(group, truePairs.size);
      for (const candidate of candidates.values()) {
        data.rows.push(pairFeatures(candidate.result, 'records'));
        data.labels.push(candidate.same);
        data.groups.push(group);
      }
    }
  } finally {
    if (db.isInitialized) await db.destroy();
    await services.stop();
    if (!process.env.BENCH_DATABASE_URL) await rm(join(benchRoot(), folder), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
