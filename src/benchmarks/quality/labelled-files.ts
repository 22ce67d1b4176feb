import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';

export interface LabelledPair {
  nameA: string;
  nameB: string;
  same: boolean;
  category?: string;
}

export interface LabelledRecord {
  id: string;
  truthId: string;
  fullName: string;
  birthDate: string;
  sex: 'M' | 'F' | '';
  place: string;
}

async function readRows(file: string, required: readonly string[]): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = parse(await readFile(file, 'utf8'), { columns: true, bom: true, skip_empty_lines: true });
  const header = rows.length > 0 ? Object.keys(rows[0]) : [];
  const missing = required.filter((column) => !header.includes(column));
  if (rows.length === 0 || missing.length > 0) {
    throw new Error(`${file}: expected a header with ${required.join(',')}${missing.length ? ` (missing ${missing.join(', ')})` : ''}`);
  }
  return rows;
}

/** `name_a,name_b,same[,category]`, RFC 4180 quoting; `same` is 1 or 0. */
export async function readPairs(file: string): Promise<LabelledPair[]> {
  const rows = await readRows(file, ['name_a', 'name_b', 'same']);
  return rows.map((row, index) => {
    if (row.same !== '1' && row.same !== '0') throw new Error(`${file}: row ${index + 2}: same must be 1 or 0`);
    return { nameA: row.name_a, nameB: row.name_b, same: row.same === '1', ...(row.category ? { category: row.category } : {}) };
  });
}

/** `id,truth_id,full_name,birth_date,sex,place`; the last three may be empty. */
export async function readRecords(file: string): Promise<LabelledRecord[]> {
  const rows = await readRows(file, ['id', 'truth_id', 'full_name', 'birth_date', 'sex', 'place']);
  const seen = new Set<string>();
  return rows.map((row, index) => {
    const where = `${file}: row ${index + 2}`;
    if (seen.has(row.id)) throw new Error(`${where}: id ${row.id} appears twice`);
    seen.add(row.id);
    if (row.birth_date && !/^\d{4}(-\d{2}-\d{2})?$/.test(row.birth_date))
      throw new Error(`${where}: birth_date must be YYYY or YYYY-MM-DD`);
    if (row.sex !== '' && row.sex !== 'M' && row.sex !== 'F') throw new Error(`${where}: sex must be M, F or empty`);
    if (!row.full_name.trim()) throw new Error(`${where}: full_name is empty`);
    return { id: row.id, truthId: row.truth_id, fullName: row.full_name, birthDate: row.birth_date, sex: row.sex, place: row.place };
  });
}
