import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../../config/environment.js';
import { dataSourceOptions } from '../../database/data-source-options.js';
import { benchRoot, openBenchServices } from '../support/bench-services.js';
import { round } from '../support/stats.js';
import { readPairs, readRecords } from './labelled-files.js';
import { pairErrors } from './pair-errors.js';
import { pairQuality } from './pair-quality.js';
import { recordsQuality } from './records-quality.js';

const USAGE = 'usage: npm run --silent bench:quality -- (--pairs FILE.csv [--errors CATEGORY] | --records FILE.csv) [--json]';

/** Rounds every number of a figures object for printing, nested categories included. */
function rounded<T>(figures: T): T {
  return JSON.parse(JSON.stringify(figures, (_key, value: unknown) => (typeof value === 'number' ? round(value, 4) : value))) as T;
}

function printTable(title: string, figures: Record<string, unknown>): void {
  process.stdout.write(`${title}\n`);
  for (const [key, value] of Object.entries(figures)) {
    if (typeof value !== 'object') process.stdout.write(`  ${key.padEnd(20)} ${String(value)}\n`);
  }
  const byCategory = figures.byCategory as Record<string, Record<string, unknown>> | undefined;
  for (const [category, values] of Object.entries(byCategory ?? {})) printTable(`category ${category}`, values);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { pairs: { type: 'string' }, records: { type: 'string' }, json: { type: 'boolean' }, errors: { type: 'string' } },
  });
  if (!values.pairs === !values.records) throw new Error(USAGE);
  // The service's own configuration, defaults included: the review threshold is the one it uses.
  const env = loadEnvironment({
    ...process.env,
    DATABASE_URL: 'postgres://bench/unused',
    REDIS_URL: 'redis://bench/unused',
    KEYSTORE_DATABASE_URL: 'postgres://bench/unused',
    DATA_KEY_MASTER_KEYS: '0'.repeat(64),
    JWT_SECRET: 'x'.repeat(32),
  });
  let figures: object;
  if (values.pairs && values.errors) {
    // The misclassified pairs of one category with their evidence, instead of the figures.
    const lines = pairErrors(await readPairs(values.pairs), env.MATCH_REVIEW_THRESHOLD, values.errors);
    process.stdout.write(`${lines.join('\n')}\n${lines.length} errors\n`);
    return;
  }
  if (values.pairs) {
    figures = rounded(pairQuality(await readPairs(values.pairs), env.MATCH_REVIEW_THRESHOLD));
  } else {
    figures = rounded(await runRecords(values.records as string, env));
  }
  if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else printTable(basename(values.pairs ?? values.records ?? ''), figures as Record<string, unknown>);
}

/** Records mode needs a database: a throwaway one of its own, or BENCH_DATABASE_URL. */
async function runRecords(file: string, env: ReturnType<typeof loadEnvironment>) {
  const records = await readRecords(file);
  // A fresh cluster per run: the records of one file never meet another's.
  const folder = `quality-${process.pid}-${Date.now()}`;
  const services = await openBenchServices(folder);
  const db = new DataSource(dataSourceOptions(services.databaseUrl));
  try {
    await db.initialize();
    return await recordsQuality(db, env, records, (done) => process.stderr.write(`scored ${done}/${records.length} records\r`));
  } finally {
    process.stderr.write('\n');
    if (db.isInitialized) await db.destroy();
    await services.stop();
    if (!process.env.BENCH_DATABASE_URL) await rm(join(benchRoot(), folder), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
