import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { Environment } from '../config/environment.js';
import { MATCHING_QUEUE } from './matching-jobs.js';
import { MatchingQueue } from './matching-queue.js';
import { NOTIFICATION_QUEUE } from './notification-jobs.js';
import { NotificationQueue } from './notification-queue.js';
import { QueueShutdown } from './queue-shutdown.js';
import { createProducerRedis, PRODUCER_REDIS, ProducerRedisCloser } from './producer-connection.js';
import { workerRedisOptions } from './redis-connection.js';

/** Holds the producer's own Redis connection, so BullMQ's root options can be built from it. */
@Global()
@Module({})
class ProducerRedisModule {
  static forRoot(): DynamicModule {
    return {
      module: ProducerRedisModule,
      providers: [{ provide: PRODUCER_REDIS, inject: [Environment], useFactory: createProducerRedis }, ProducerRedisCloser],
      exports: [PRODUCER_REDIS],
    };
  }
}

/**
 * The BullMQ connection and the producers of the matching and webhook delivery queues. The API (`producer`) fails fast while
 * Redis is away (the outbox keeps the work); the worker waits for Redis patiently.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(role: 'producer' | 'worker'): DynamicModule {
    const root =
      role === 'producer'
        ? BullModule.forRootAsync({
            imports: [ProducerRedisModule.forRoot()],
            inject: [PRODUCER_REDIS],
            useFactory: (redis: Redis) => ({ connection: redis }),
          })
        : BullModule.forRootAsync({
            inject: [Environment],
            useFactory: (env: Environment) => ({ connection: workerRedisOptions(env.REDIS_URL) }),
          });
    return {
      module: QueueModule,
      imports: [root, DiscoveryModule, BullModule.registerQueue({ name: MATCHING_QUEUE }, { name: NOTIFICATION_QUEUE })],
      providers: [MatchingQueue, NotificationQueue, QueueShutdown],
      exports: [MatchingQueue, NotificationQueue, BullModule],
    };
  }
}
