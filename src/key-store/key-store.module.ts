import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Environment } from '../config/environment.js';
import { DataKeyRing } from '../crypto/data-key-ring.js';
import { FieldVault } from './field-vault.js';
import { KeyStore } from './key-store.js';

/** The key store and the vault that seals fields with its keys, one of each per process. */
@Global()
@Module({
  providers: [
    {
      provide: KeyStore,
      inject: [Environment],
      useFactory: (env: Environment) => KeyStore.connect(env.KEYSTORE_DATABASE_URL, new DataKeyRing(env.DATA_KEY_MASTER_KEYS.split(','))),
    },
    { provide: FieldVault, inject: [KeyStore], useFactory: (keys: KeyStore) => new FieldVault(keys) },
  ],
  exports: [KeyStore, FieldVault],
})
export class KeyStoreModule implements OnApplicationShutdown {
  constructor(@Inject(KeyStore) private readonly keys: KeyStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.keys.close();
  }
}
