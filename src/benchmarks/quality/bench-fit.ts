import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../../config/environment.js';
import { dataSourceOptions } from '../../database/data-source-options.js';
import { benchRoot, openBenchServices } from '../support/bench-services.js';
import { readPairs, readRecords } from './labelled-files.js';
import { fitLogistic, sigmoid } from './logistic-regression.js';
import { asModelWeights, FEATURES, pairFeatures, PRIOR_FEATURES } from './pair-features.js';
import { scoreNames } from './pair-quality.js';
import { scoreRecordCandidates } from './records-quality.js';

const USAGE = 'usage: npm run --silent bench:fit -- [--pairs FILE.csv ...] [--records FILE.csv ...] [--l2 1]';

/**
 * Estimates the pair model's weights from labelled data: every labelled pair (names only) and every
 * candidate that blocking proposes in the records sets, scored by the current engine for their
 * evidence, then a logistic regression on that evidence. Prints the weights in the shape of
 * src/matching/engine/data/model-weights.ts; copying them there is a reviewed change.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { pairs: { type: 'string', multiple: true }, records: { type: 'string', multiple: true }, l2: { type: 'string' } },
  });
  if (!values.pairs?.length && !values.records?.length) throw new Error(USAGE);
  const rows: number[][] = [];
  const labels: boolean[] = [];
  for (const file of values.pairs ?? []) {
    for (const pair of await readPairs(file)) {
      rows.push(pairFeatures(scoreNames(pair), 'pairs'));
      labels.push(pair.same);
    }
  }
  if (values.records?.length) await addRecordCandidates(values.records, rows, labels);
  const weights = fitLogistic(rows, labels, { l2: Number(values.l2 ?? 1), unpenalised: PRIOR_FEATURES });
  const logLoss =
    -rows.reduce((sum, row, i) => {
      const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(row.reduce((s, x, j) => s + x * weights[j], 0))));
      return sum + (labels[i] ? Math.log(p) : Math.log(1 - p));
    }, 0) / rows.length;
  process.stderr.write(`${rows.length} examples, ${labels.filter(Boolean).length} true; mean log loss ${logLoss.toFixed(4)}\n`);
  for (const [i, name] of FEATURES.entries()) {
    const support = rows.filter((row) => row[i] !== 0).length;
    process.stderr.write(`  ${name.padEnd(24)} ${weights[i].toFixed(3).padStart(8)}   (${support} examples)\n`);
  }
  process.stdout.write(`${JSON.stringify(asModelWeights(weights), null, 2)}\n`);
}

async function addRecordCandidates(files: string[], rows: number[][], labels: boolean[]): Promise<void> {
  const env = loadEnvironment({
    ...process.env,
    DATABASE_URL: 'postgres://bench/unused',
    REDIS_URL: 'redis://bench/unused',
    JWT_SECRET: 'x'.repeat(32),
  });
  const folder = `fit-${process.pid}-${Date.now()}`;
  const services = await openBenchServices(folder);
  const db = new DataSource(dataSourceOptions(services.databaseUrl));
  try {
    await db.initialize();
    for (const file of files) {
      const records = await readRecords(file);
      const { candidates } = await scoreRecordCandidates(db, env, records, (done) =>
        process.stderr.write(`${file}: ${done}/${records.length}\r`),
      );
      for (const candidate of candidates.values()) {
        rows.push(pairFeatures(candidate.result, 'records'));
        labels.push(candidate.same);
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
