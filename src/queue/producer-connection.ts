import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Environment } from '../config/environment.js';
import { producerRedisOptions } from './redis-connection.js';

export const PRODUCER_REDIS = Symbol('PRODUCER_REDIS');

const logger = new Logger('ProducerRedis');

export function createProducerRedis(env: Environment): Redis {
  const redis = new Redis(producerRedisOptions(env.REDIS_URL));
  // Without a listener ioredis prints each failed reconnect to the console; the outbox covers the outage.
  redis.on('error', (error: NodeJS.ErrnoException) => logger.warn({ code: error.code }, 'queue connection error; outbox keeps the work'));
  return redis;
}

/**
 * The API's queue connection is ours, not BullMQ's: BullMQ leaves a connection it did not create
 * alone, and one it created while Redis was down kept reconnecting after shutdown. Closing it here
 * ends its reconnect timers with the process.
 */
@Injectable()
export class ProducerRedisCloser implements OnApplicationShutdown {
  constructor(@Inject(PRODUCER_REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
