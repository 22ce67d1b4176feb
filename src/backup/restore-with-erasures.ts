import { DataSource } from 'typeorm';
import type { Environment } from '../config/environment.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { runMigrations } from '../database/migrate.js';
import { KeyStore } from '../key-store/key-store.js';
import { restoreDatabase } from './backup.js';
import { reapplyErasures, type ReappliedErasures } from './reapply-erasures.js';

/**
 * `cli restore`: the data dump replaces the database, migrations bring an older dump up to the
 * current schema, and everyone the key store's erasure log names is erased again before the
 * service starts on it.
 */
export async function restoreWithErasures(
  env: Pick<Environment, 'DATABASE_URL' | 'KEYSTORE_DATABASE_URL' | 'DATA_KEY_MASTER_KEYS'>,
  dataDump: string,
): Promise<ReappliedErasures> {
  await restoreDatabase(env.DATABASE_URL, dataDump);
  await runMigrations(env.DATABASE_URL);
  const keys = await KeyStore.fromSettings(env);
  const dataSource = new DataSource(dataSourceOptions(env.DATABASE_URL));
  try {
    await dataSource.initialize();
    return await reapplyErasures(dataSource, await keys.erasedSubjects());
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await keys.close();
  }
}
