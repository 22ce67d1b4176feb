import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { Environment } from '../config/environment.js';
import { PRODUCER_REDIS } from '../queue/producer-connection.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { RedisThrottlerStorage } from './redis-throttler-storage.js';
import { counterKey, throttlers } from './throttlers.js';
import { TrackerHash } from './tracker-hash.js';

/**
 * Rate limits on login, writes and reads (decision 0013), counted in Redis on the API's own
 * connection. Import it after AuthModule: global guards run in the order their modules were
 * registered, and the write and read limits count the user the AuthGuard verified.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [Environment, PRODUCER_REDIS],
      useFactory: (env: Environment, redis: Redis) => ({
        throttlers: throttlers(env, new TrackerHash(env.JWT_SECRET)),
        storage: new RedisThrottlerStorage(redis),
        generateKey: counterKey,
        setHeaders: false,
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
