import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';
import { setTimeout as delay } from 'node:timers/promises';
import { connectedToRedis } from './redis-reachable.js';

/**
 * Lets an app stop while Redis is away. @nestjs/bullmq closes every queue on shutdown, and a
 * queue's close sends QUIT, which ioredis holds until Redis is back: the worker's queues wait for
 * Redis patiently (redis-connection.ts), so the process never stopped. A queue whose connection
 * is down is disconnected first, and its close then returns at once. Nothing is lost: what the
 * queues would carry waits in the outbox, and the reconciler writes missing schedules again.
 */
@Injectable()
export class QueueShutdown implements BeforeApplicationShutdown {
  constructor(private readonly discovery: DiscoveryService) {}

  async beforeApplicationShutdown(): Promise<void> {
    const queues = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is Queue => instance instanceof Queue);
    await Promise.all(
      queues.map(async (queue) => {
        if (await connectedToRedis(queue)) return;
        // Disconnecting a connection that ioredis was still retrying ends it, but the promise of
        // its end does not always settle: the wait for it is bounded.
        await Promise.race([queue.disconnect().catch(() => undefined), delay(1_000, undefined, { ref: false })]);
      }),
    );
  }
}
