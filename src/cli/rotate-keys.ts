import type { DataSource } from 'typeorm';
import { FieldVault, isSealed } from '../key-store/field-vault.js';
import type { KeyStore } from '../key-store/key-store.js';
import { SEALED_COLUMNS } from '../key-store/sealed-columns.js';

export interface RotationReport {
  /** data keys re-wrapped under the newest master key */
  rewrapped: number;
  /** values written before encryption at rest, now sealed */
  sealedLegacy: number;
}

/**
 * `cli rotate-keys`, safe while the service runs: re-wraps every data key wrapped under an older
 * master key (the key store locks each chunk; values do not change), then seals any free text left
 * in plaintext from before encryption at rest – each row written back only if it still holds what
 * was read – and finally validates the database's "sealed only" constraints, which from then on
 * hold for every row.
 */
export async function rotateKeys(
  dataSource: DataSource,
  keys: KeyStore,
  options: { chunk?: number; onProgress?: (report: RotationReport) => void } = {},
): Promise<RotationReport> {
  const chunk = options.chunk ?? 500;
  const report: RotationReport = { rewrapped: 0, sealedLegacy: 0 };
  for (let n = await keys.rewrapStale(chunk); n > 0; n = await keys.rewrapStale(chunk)) {
    report.rewrapped += n;
    options.onProgress?.(report);
  }
  const vault = new FieldVault(keys);
  for (const sealed of SEALED_COLUMNS) {
    for (;;) {
      const rows: { rowKey: string; subjectId: string; value: string }[] = await dataSource.query(
        `SELECT ${sealed.rowKey}::text AS "rowKey", ${sealed.subjectColumn}::text AS "subjectId", ${sealed.column} AS value
           FROM ${sealed.table} WHERE ${sealed.column} IS NOT NULL AND ${sealed.column} NOT LIKE 'enc:v1:%' LIMIT $1`,
        [chunk],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        if (isSealed(row.value)) continue;
        const value = await vault.seal({ id: row.subjectId, type: sealed.subjectType }, sealed.field, row.value);
        await dataSource.query(
          `UPDATE ${sealed.table} SET ${sealed.column} = $1 WHERE ${sealed.rowKey} = $2::uuid AND ${sealed.column} = $3`,
          [value, row.rowKey, row.value],
        );
        report.sealedLegacy += 1;
      }
      options.onProgress?.(report);
    }
    await dataSource.query(`ALTER TABLE ${sealed.table} VALIDATE CONSTRAINT ${sealed.table}_${sealed.column}_sealed`);
  }
  return report;
}
