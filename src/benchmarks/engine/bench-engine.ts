/**
 * `npm run --silent bench:engine [-- --json]`: the engine alone, without database or queue. Each of
 * a fixed set of query records from the development record sets is scored against 200 others, as a
 * match job scores a record against its blocked candidates, in the same run:
 * - cold: the name memos emptied before each query, so every name is transliterated and keyed
 *   (a large store, where candidates' names are rarely in memory);
 * - warm: the memos as the previous queries left them;
 * - the baseline a user might pick: fuse.js (default options, includeScore) indexing the 200
 *   candidates' Latin full names and searching the query's.
 * Prints medians and p95 of microseconds per pair over the queries, and the ratio of fuse.js's
 * median to the engine's cold median.
 */
import { parseArgs } from 'node:util';
import Fuse from 'fuse.js';
import { forgetNormalisedNames } from '../../matching/engine/normalise-name.js';
import { preparePerson, scorePrepared } from '../../matching/engine/score-pair.js';
import { transliterate } from '../../matching/engine/transliterate/transliterate.js';
import type { PersonForMatching } from '../../matching/engine/person-for-matching.js';
import { readRecords } from '../quality/labelled-files.js';
import { engineView } from '../quality/load-records.js';
import { median, quantile, round } from '../support/stats.js';

const SETS = ['arabic-script', 'cyrillic-european', 'horn-of-africa', 'mixed'];
const QUERIES = 400;
const CANDIDATES = 200;
const WARMUP = 40;

/** A small fixed-seed generator (Park–Miller): the same queries and candidates on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
}

function microsPerPair(run: () => void, pairs: number): number {
  const started = performance.now();
  run();
  return ((performance.now() - started) * 1000) / pairs;
}

async function main(json: boolean): Promise<void> {
  const people: PersonForMatching[] = [];
  for (const set of SETS) {
    const records = await readRecords(new URL(`../../../bench/datasets/records-${set}.csv`, import.meta.url).pathname);
    people.push(...records.map((record) => engineView(record, `${set}-${record.id}`)));
  }
  const random = seeded(20_261_126);
  const pick = () => people[Math.floor(random() * people.length)];
  const cold: number[] = [];
  const warm: number[] = [];
  const fuse: number[] = [];
  const latin = (person: PersonForMatching) => transliterate(person.names.map((n) => n.value).join(' '));
  for (let q = 0; q < QUERIES + WARMUP; q++) {
    const query = pick();
    const candidates = Array.from({ length: CANDIDATES }, pick);
    const engine = () => {
      const self = preparePerson(query);
      for (const candidate of candidates) scorePrepared(self, preparePerson(candidate));
    };
    forgetNormalisedNames();
    const coldUs = microsPerPair(engine, CANDIDATES);
    const warmUs = microsPerPair(engine, CANDIDATES);
    // The baseline gets its Latin names for free, as in bench:speed: only the search is timed.
    const index = new Fuse(candidates.map(latin), { includeScore: true });
    const pattern = latin(query);
    const fuseUs = microsPerPair(() => index.search(pattern), CANDIDATES);
    if (q < WARMUP) continue;
    cold.push(coldUs);
    warm.push(warmUs);
    fuse.push(fuseUs);
  }
  const figures = {
    records: people.length,
    queries: QUERIES,
    candidatesPerQuery: CANDIDATES,
    coldUsPerPairP50: round(median(cold), 2),
    coldUsPerPairP95: round(quantile(cold, 0.95), 2),
    warmUsPerPairP50: round(median(warm), 2),
    warmUsPerPairP95: round(quantile(warm, 0.95), 2),
    fuseUsPerPairP50: round(median(fuse), 2),
    speedupVsFuse: round(median(fuse) / median(cold), 2),
  };
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else for (const [name, value] of Object.entries(figures)) process.stdout.write(`${name.padEnd(24)} ${value}\n`);
}

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
await main(values.json ?? false);
