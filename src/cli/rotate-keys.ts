import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options.js';
import { BlindIndex } from '../key-store/blind-index.js';
import { FieldVault, isSealed } from '../key-store/field-vault.js';
import type { KeyStore } from '../key-store/key-store.js';
import { SEALED_COLUMNS, type SealedColumn } from '../key-store/sealed-columns.js';
import { reindexPlainBlockingKeys } from './reindex-blocking-keys.js';

export interface RotationReport {
  /** data keys re-wrapped under the newest master key */
  rewrapped: number;
  /** values written before encryption at rest, now sealed */
  sealedLegacy: number;
  /** people whose blocking keys were stored in plaintext, now blind indexes */
  reindexed: number;
}

/**
 * `cli rotate-keys`, safe while the service runs: re-wraps every data key wrapped under an older
 * master key (the key store locks each chunk; values do not change), then seals any value left in
 * plaintext from before encryption at rest – each row written back only if it still holds what
 * was read – stores blocking keys left in plaintext as blind indexes, and finally validates the
 * database's "sealed only" constraints, which from then on hold for every row.
 */
export async function rotateKeys(
  dataSource: DataSource,
  keys: KeyStore,
  options: { chunk?: number; onProgress?: (report: RotationReport) => void } = {},
): Promise<RotationReport> {
  const chunk = options.chunk ?? 500;
  const report: RotationReport = { rewrapped: 0, sealedLegacy: 0, reindexed: 0 };
  for (let n = await keys.rewrapStale(chunk); n > 0; n = await keys.rewrapStale(chunk)) {
    report.rewrapped += n;
    options.onProgress?.(report);
  }
  await sealLegacy(dataSource, new FieldVault(keys), { chunk, report, onProgress: options.onProgress });
  const index = new BlindIndex(await keys.blindIndexKey());
  await reindexPlainBlockingKeys(dataSource, new FieldVault(keys), index, {
    chunk,
    onChunk: (n) => {
      report.reindexed += n;
      options.onProgress?.(report);
    },
  });
  for (const sealed of SEALED_COLUMNS) {
    await dataSource.query(`ALTER TABLE ${sealed.table} VALIDATE CONSTRAINT ${sealed.table}_${sealed.column}_sealed`);
  }
  await dataSource.query(`ALTER TABLE person_name_key VALIDATE CONSTRAINT person_name_key_key_blind`);
  return report;
}

/** rotateKeys on the database at `databaseUrl`, with a connection of its own. */
export async function rotateKeysIn(
  databaseUrl: string,
  keys: KeyStore,
  options: { onProgress?: (report: RotationReport) => void } = {},
): Promise<RotationReport> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    return await rotateKeys(dataSource, keys, options);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Seals the plaintext left in sealed columns, a table at a time and each row in one update of all
 * its sealed columns: a row's other plaintext column would fail the check of the update otherwise.
 */
async function sealLegacy(
  dataSource: DataSource,
  vault: FieldVault,
  run: { chunk: number; report: RotationReport; onProgress?: (report: RotationReport) => void },
): Promise<void> {
  for (const table of new Set(SEALED_COLUMNS.map((c) => c.table))) {
    const columns = SEALED_COLUMNS.filter((c) => c.table === table);
    const { rowKey } = columns[0];
    const plain = columns.map((c) => `(${c.column} IS NOT NULL AND ${c.column} NOT LIKE 'enc:v1:%')`).join(' OR ');
    for (;;) {
      const rows: Record<string, string | null>[] = await dataSource.query(
        `SELECT ${rowKey}::text AS "rowKey", ${columns.map((c) => `${c.subjectColumn}::text AS "s_${c.column}", ${c.column}`).join(', ')}
           FROM ${table} WHERE ${plain} LIMIT $1`,
        [run.chunk],
      );
      if (rows.length === 0) break;
      for (const row of rows) await sealRow(dataSource, vault, table, columns, row, run.report);
      run.onProgress?.(run.report);
    }
  }
}

async function sealRow(
  dataSource: DataSource,
  vault: FieldVault,
  table: string,
  columns: readonly SealedColumn[],
  row: Record<string, string | null>,
  report: RotationReport,
): Promise<void> {
  const sealed: (string | null)[] = [];
  let count = 0;
  for (const c of columns) {
    const value = row[c.column];
    if (value === null || isSealed(value)) sealed.push(value);
    else {
      sealed.push(await vault.seal({ id: row[`s_${c.column}`] as string, type: c.subjectType }, c.field, value));
      count += 1;
    }
  }
  const set = columns.map((c, i) => `${c.column} = $${i + 2}`).join(', ');
  const unchanged = columns.map((c, i) => `${c.column} IS NOT DISTINCT FROM $${columns.length + i + 2}`).join(' AND ');
  const [, updated] = await dataSource.query(`UPDATE ${table} SET ${set} WHERE ${columns[0].rowKey} = $1::uuid AND ${unchanged}`, [
    row.rowKey,
    ...sealed,
    ...columns.map((c) => row[c.column]),
  ]);
  if (updated > 0) report.sealedLegacy += count;
}
