import type { Redis } from 'ioredis';
import { RedisThrottlerStorage } from './redis-throttler-storage.js';

describe('RedisThrottlerStorage', () => {
  it('lets a request through uncounted while Redis cannot be reached (fail open)', async () => {
    const unreachable = {
      status: 'ready',
      eval: () => Promise.reject(Object.assign(new Error('Connection is closed.'), { code: 'ECONNREFUSED' })),
    } as unknown as Redis;
    const record = await new RedisThrottlerStorage(unreachable).increment('login-address:abc', 60_000, 10, 60_000);
    expect(record).toEqual({ totalHits: 0, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('turns the script answer into whole seconds left', async () => {
    const redis = { status: 'ready', eval: async () => [11, 41_200, 1, 60_000] } as unknown as Redis;
    const record = await new RedisThrottlerStorage(redis).increment('writes:abc', 60_000, 10, 60_000);
    expect(record).toEqual({ totalHits: 11, timeToExpire: 42, isBlocked: true, timeToBlockExpire: 60 });
  });
});
