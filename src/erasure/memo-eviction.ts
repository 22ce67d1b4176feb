import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Environment } from '../config/environment.js';
import { FieldVault } from '../key-store/field-vault.js';
import { forgetNormalisedNames } from '../matching/engine/normalise-name.js';
import { workerRedisOptions } from '../queue/redis-connection.js';
import { ERASURE_CHANNEL } from './erasure-jobs.js';

/**
 * In every process: empties the engine's name memos and the vault's data keys when an erasure is
 * announced, so an erased person's name or key does not outlive them in memory. The memos are only
 * a speed-up; they refill as jobs run.
 */
@Injectable()
export class MemoEviction implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MemoEviction.name);
  private subscriber: Redis | undefined;

  constructor(
    private readonly env: Environment,
    private readonly vault: FieldVault,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscriber = new Redis(workerRedisOptions(this.env.REDIS_URL));
    this.subscriber.on('error', (error: NodeJS.ErrnoException) => this.logger.warn({ code: error.code }, 'erasure channel unavailable'));
    this.subscriber.on('message', () => {
      forgetNormalisedNames();
      this.vault.forget();
    });
    await this.subscriber.subscribe(ERASURE_CHANNEL);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.subscriber?.disconnect();
  }
}
