import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Environment } from '../config/environment.js';
import { FieldVault } from './field-vault.js';
import { KeyStore } from './key-store.js';

/** The key store and the vault that seals fields with its keys, one of each per process. */
@Global()
@Module({
  providers: [
    {
      provide: KeyStore,
      inject: [Environment],
      useFactory: (env: Environment) => KeyStore.fromSettings(env),
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
