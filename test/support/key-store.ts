import { BlindIndex } from '../../src/key-store/blind-index.js';
import { FieldVault } from '../../src/key-store/field-vault.js';
import { KeyStore } from '../../src/key-store/key-store.js';

/** The test run's key store (global setup names it in the environment), for tests working below the API. */
export async function openTestKeyStore(): Promise<{ keys: KeyStore; vault: FieldVault; index: BlindIndex }> {
  const keys = await KeyStore.fromSettings({
    KEYSTORE_DATABASE_URL: process.env.KEYSTORE_DATABASE_URL!,
    DATA_KEY_MASTER_KEYS: process.env.DATA_KEY_MASTER_KEYS!,
  });
  return { keys, vault: new FieldVault(keys), index: new BlindIndex(await keys.blindIndexKey()) };
}
