/**
 * Builds the labelled development sets of the name-matching quality benchmark (bench/datasets/): pairs-dev.csv with
 * five categories of labelled pairs, and four record sets with truth groups. Deterministic: a fixed seed, sources read
 * from pinned packages and bench/datasets/sources/. See bench/datasets/SOURCES.md for sources, licences and the noise
 * model. Run with `npm run bench:datasets`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContext } from './build-context.js';
import { buildPairs, seed } from './build-pairs.js';
import { categories } from './categories/pair-collector.js';
import { toCsv } from './csv.js';
import { Prng } from './prng.js';
import { buildRecordSet, recordSetSpecs } from './records.js';
import { outputFolder } from './sources/paths.js';

function main(): void {
  const prng = new Prng(seed);
  const context = loadContext(prng.fork('sources'));
  const collector = buildPairs(prng, context);
  // Positives and negatives interleaved within a category, so a reader of the file sees no blocks.
  const shuffle = prng.fork('pair-order');
  const rows = categories.flatMap((category) =>
    shuffle
      .shuffle(collector.pairs.filter((pair) => pair.category === category))
      .map((pair) => [pair.nameA, pair.nameB, pair.same ? '1' : '0', pair.category]),
  );
  writeFileSync(join(outputFolder, 'pairs-dev.csv'), toCsv(['name_a', 'name_b', 'same', 'category'], rows));
  const lines = categories.map(
    (category) => `${category}: ${collector.count(category, true)} positives, ${collector.count(category, false)} negatives`,
  );

  for (const spec of recordSetSpecs(context)) {
    const records = buildRecordSet(spec, prng.fork(spec.fileName));
    const header = ['id', 'truth_id', 'full_name', 'birth_date', 'sex', 'place'];
    const recordRows = records.map((r) => [r.id, r.truthId, r.fullName, r.birthDate, r.sex, r.place]);
    writeFileSync(join(outputFolder, spec.fileName), toCsv(header, recordRows));
    const groups = new Map<string, number>();
    for (const record of records) groups.set(record.truthId, (groups.get(record.truthId) ?? 0) + 1);
    const multi = [...groups.values()].filter((size) => size > 1).length;
    lines.push(`${spec.fileName}: ${records.length} records, ${groups.size} humans, ${multi} with 2-4 records`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

main();
