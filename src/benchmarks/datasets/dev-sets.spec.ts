import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPairs } from './build-pairs.js';
import { sameNameRelation } from './build-context.js';
import { categories } from './categories/pair-collector.js';
import { fromCsv } from './csv.js';
import { seed } from './build-pairs.js';
import { Prng } from './prng.js';
import { parsePipeSeparated } from './sources/psv.js';
import { outputFolder } from './sources/paths.js';

const pairs = fromCsv(readFileSync(join(outputFolder, 'pairs-dev.csv'), 'utf8'));

describe('pairs-dev.csv', () => {
  it('has the header and values the benchmark reads', () => {
    expect(Object.keys(pairs[0])).toEqual(['name_a', 'name_b', 'same', 'category']);
    for (const pair of pairs) {
      expect(['0', '1']).toContain(pair.same);
      expect(categories).toContain(pair.category);
      expect(pair.name_a.trim()).not.toBe('');
      expect(pair.name_a).not.toBe(pair.name_b);
    }
  });

  it.each(categories)('has at least 1,000 pairs of %s, 40-60 % of them positive', (category) => {
    const rows = pairs.filter((pair) => pair.category === category);
    const positives = rows.filter((pair) => pair.same === '1').length;
    expect(rows.length).toBeGreaterThanOrEqual(1000);
    expect(positives / rows.length).toBeGreaterThanOrEqual(0.4);
    expect(positives / rows.length).toBeLessThanOrEqual(0.6);
  });

  it('has no pair twice, in either order', () => {
    const keys = pairs.map((pair) => [pair.name_a, pair.name_b].sort().join('\u0000'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is what the builder makes from its seed', () => {
    const rebuilt = buildPairs(new Prng(seed));
    const key = (a: string, b: string, same: string | boolean) => `${[a, b].sort().join('|')}|${same === true || same === '1'}`;
    expect(new Set(rebuilt.pairs.map((p) => key(p.nameA, p.nameB, p.same)))).toEqual(
      new Set(pairs.map((p) => key(p.name_a, p.name_b, p.same))),
    );
  });
});

describe.each(['records-arabic-script.csv', 'records-cyrillic-european.csv', 'records-horn-of-africa.csv', 'records-mixed.csv'])(
  '%s',
  (file) => {
    const records = fromCsv(readFileSync(join(outputFolder, file), 'utf8'));

    it('has 2,000-5,000 records in the expected shape', () => {
      expect(Object.keys(records[0])).toEqual(['id', 'truth_id', 'full_name', 'birth_date', 'sex', 'place']);
      expect(records.length).toBeGreaterThanOrEqual(2000);
      expect(records.length).toBeLessThanOrEqual(5000);
      expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
      for (const record of records) {
        expect(record.birth_date).toMatch(/^(\d{4}|\d{4}-\d{2}-\d{2})?$/);
        expect(['M', 'F', '']).toContain(record.sex);
        expect(record.full_name).not.toBe('');
      }
    });

    it('has mostly single-record humans and some groups of 2-4', () => {
      const sizes = new Map<string, number>();
      for (const record of records) sizes.set(record.truth_id, (sizes.get(record.truth_id) ?? 0) + 1);
      const groups = [...sizes.values()];
      expect(groups.filter((n) => n === 1).length / groups.length).toBeGreaterThan(0.6);
      expect(groups.some((n) => n > 1)).toBe(true);
      expect(Math.max(...groups)).toBeLessThanOrEqual(4);
    });
  },
);

describe('source helpers', () => {
  it('reads pipe-separated sources without their notes', () => {
    expect(parsePipeSeparated('# note\nا|b|1\n\nc|d|2\n')).toEqual([
      ['ا', 'b', '1'],
      ['c', 'd', '2'],
    ]);
  });

  it('treats forms of one name as the same name, directly or through a shared form', () => {
    const same = sameNameRelation(
      new Map([
        ['Richard', ['Rick', 'Dick']],
        ['Ricardo', ['Rick']],
      ]),
      [
        { kind: 'cross-language', names: ['Mykola', 'Nicholas'] },
        { kind: 'cross-language', names: ['Nikola', 'Nicholas'] },
      ],
    );
    expect(same('Ricardo', 'Richard')).toBe(true);
    expect(same('mykola', 'Nikola')).toBe(true);
    expect(same('Richard', 'Nikola')).toBe(false);
  });
});
