import { DataKeyRing } from '../../src/crypto/data-key-ring.js';
import { FieldVault } from '../../src/key-store/field-vault.js';
import { KeyStore } from '../../src/key-store/key-store.js';

/** The test run's key store (global setup names it in the environment), for tests working below the API. */
export async function openTestKeyStore(): Promise<{ keys: KeyStore; vault: FieldVault }> {
  const keys = await KeyStore.connect(process.env.KEYSTORE_DATABASE_URL!, new DataKeyRing(process.env.DATA_KEY_MASTER_KEYS!.split(',')));
  return { keys, vault: new FieldVault(keys) };
}
