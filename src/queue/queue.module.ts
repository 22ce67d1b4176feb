import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Environment } from '../config/environment.js';
import { MATCHING_QUEUE } from './matching-jobs.js';
import { MatchingQueue } from './matching-queue.js';
import { producerRedisOptions, workerRedisOptions } from './redis-connection.js';

/** The BullMQ connection and the matching queue's producer. `role` picks fail-fast (API) or patient (worker) connections. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(role: 'producer' | 'worker'): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [Environment],
          useFactory: (env: Environment) => ({
            connection: role === 'producer' ? producerRedisOptions(env.REDIS_URL) : workerRedisOptions(env.REDIS_URL),
          }),
        }),
        BullModule.registerQueue({ name: MATCHING_QUEUE }),
      ],
      providers: [MatchingQueue],
      exports: [MatchingQueue, BullModule],
    };
  }
}
