import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Environment } from '../config/environment.js';
import { BlindIndex } from './blind-index.js';
import { FieldVault } from './field-vault.js';
import { KeyStore } from './key-store.js';

/** The key store, the vault that seals fields with its keys and the blind index of blocking keys, one of each per process. */
@Global()
@Module({
  providers: [
    {
      provide: KeyStore,
      inject: [Environment],
      useFactory: (env: Environment) => KeyStore.fromSettings(env),
    },
    { provide: FieldVault, inject: [KeyStore], useFactory: (keys: KeyStore) => new FieldVault(keys) },
    { provide: BlindIndex, inject: [KeyStore], useFactory: async (keys: KeyStore) => new BlindIndex(await keys.blindIndexKey()) },
  ],
  exports: [KeyStore, FieldVault, BlindIndex],
})
export class KeyStoreModule implements OnApplicationShutdown {
  constructor(@Inject(KeyStore) private readonly keys: KeyStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.keys.close();
  }
}
