import { Module } from '@nestjs/common';
import { ConfigurationError, Environment } from '../config/environment.js';
import { SecondFactorController } from './second-factor.controller.js';
import { SecondFactorService } from './second-factor.service.js';
import { TotpSecretBox } from './totp-secret-box.js';

@Module({
  controllers: [SecondFactorController],
  providers: [
    SecondFactorService,
    {
      provide: TotpSecretBox,
      inject: [Environment],
      useFactory: (env: Environment) => {
        if (!env.TOTP_ENCRYPTION_KEY) throw new ConfigurationError(['TOTP_ENCRYPTION_KEY is required by the API (64 hex characters)']);
        return new TotpSecretBox(env.TOTP_ENCRYPTION_KEY);
      },
    },
  ],
  exports: [SecondFactorService],
})
export class SecondFactorModule {}
