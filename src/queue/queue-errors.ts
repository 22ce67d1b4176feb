import type { Logger } from '@nestjs/common';
import { summariseError } from '../common/errors/error-summary.js';

/**
 * A BullMQ queue's or worker's own error (a Redis connection lost, a schedule's key gone after Redis
 * came back empty) in the service's log, as a type and a code: the message can quote what Redis was
 * sent. BullMQ reconnects by itself; the outbox and the reconciler keep the work meanwhile.
 */
export function logQueueError(logger: Logger, queue: string, error: unknown, message: string): void {
  const { errorType, code } = summariseError(error);
  logger.warn({ queue, errorType, code }, message);
}

/**
 * Listens for a queue's errors: with no 'error' listener BullMQ prints them to the console, message
 * and all, outside the structured log.
 */
export function logQueueErrors(
  queue: { readonly name: string; on(event: 'error', listener: (error: Error) => void): unknown },
  logger: Logger,
  message: string,
): void {
  queue.on('error', (error) => logQueueError(logger, queue.name, error, message));
}
