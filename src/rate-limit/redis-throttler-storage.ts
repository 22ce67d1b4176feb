import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';

/** What @nestjs/throttler expects back from a storage (its ThrottlerStorageRecord). */
export interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * A fixed window per key (INCR, expiring with the window) and, once the limit is passed, a block
 * key that refuses the key for `blockDuration` without counting further. One script, so the
 * processes sharing Redis never race. Returns hits, the window's and the block's milliseconds left.
 */
const INCREMENT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]), 1, blocked}
end
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
if hits > tonumber(ARGV[2]) then
  local block = tonumber(ARGV[3])
  if block > 0 then
    redis.call('SET', KEYS[2], '1', 'PX', block)
    return {hits, ttl, 1, block}
  end
  return {hits, ttl, 1, ttl}
end
return {hits, ttl, 0, 0}
`;

export const RATE_LIMIT_KEY_PREFIX = 'rate-limit:';

/** How long a request waits for the connection at start-up before it is let through uncounted. */
const READY_WAIT_MS = 1000;

/**
 * Throttler counters in Redis, shared by every API process. Keys are `rate-limit:{<throttler>:<hash>}`
 * (the braces keep a key and its block key in one cluster slot); the hash is the tracker's keyed
 * hash, so no key names a person. While Redis is unreachable requests pass uncounted (fail open, as
 * the API's queue side does): a Redis outage must not lock every officer out (decision 0013).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);

  constructor(private readonly redis: Redis) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const counter = `${RATE_LIMIT_KEY_PREFIX}{${key}}`;
    try {
      await this.ready();
      const [hits, windowMs, blocked, blockMs] = (await this.redis.eval(
        INCREMENT,
        2,
        counter,
        `${counter}:blocked`,
        String(ttl),
        String(limit),
        String(blockDuration),
      )) as [number, number, number, number];
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(Math.max(windowMs, 0) / 1000),
        isBlocked: blocked === 1,
        timeToBlockExpire: Math.ceil(Math.max(blockMs, 0) / 1000),
      };
    } catch (error) {
      this.logger.warn({ code: (error as NodeJS.ErrnoException).code }, 'rate-limit store unreachable; request passed uncounted');
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  /** The API's connection fails fast (no offline queue); right after start-up it may still be connecting. */
  private async ready(): Promise<void> {
    if (this.redis.status === 'ready' || !['connecting', 'connect', 'reconnecting'].includes(this.redis.status)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, READY_WAIT_MS);
      this.redis.once('ready', done);
    });
  }
}
