import { setTimeout as delay } from 'node:timers/promises';
import type { RedisQueueBackend } from 'bullmq';

/**
 * Whether a queue's or worker's Redis connection is up at this moment: false while ioredis is
 * reconnecting (Redis away, or just back and not yet reconnected), and when it never connected.
 * The client is awaited only briefly: before a first connection, BullMQ's promise of it waits
 * for Redis.
 */
export async function connectedToRedis(target: { getBackend(): RedisQueueBackend }, waitMs = 500): Promise<boolean> {
  const status = await Promise.race([
    target
      .getBackend()
      .client.then((client) => client.status)
      .catch(() => 'failed'),
    // Not ref'd: a timer left over once the race is decided must not hold a stopping process.
    delay(waitMs, 'not yet connected', { ref: false }),
  ]);
  return status === 'ready';
}
