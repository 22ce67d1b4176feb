import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { Environment } from '../config/environment.js';
import { DatabaseModule } from '../database/database.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginLockoutService } from './login-lockout.service.js';
import { SecondFactorModule } from '../second-factor/second-factor.module.js';

@Module({
  imports: [
    DatabaseModule,
    SecondFactorModule,
    JwtModule.registerAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({ secret: env.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, LoginLockoutService, { provide: APP_GUARD, useClass: AuthGuard }],
  // The web console signs people in through the same service and mints its per-request tokens with the same key.
  exports: [AuthService, JwtModule],
})
export class AuthModule {}
