import { InvalidInputError } from '../common/errors/domain-errors.js';

/** Keyset position in the queue's order (band, then age, then id), opaque to clients. */
export interface QueuePosition {
  bandRank: number;
  createdAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeQueueCursor(position: QueuePosition): string {
  return Buffer.from(JSON.stringify([position.bandRank, position.createdAt, position.id])).toString('base64url');
}

export function decodeQueueCursor(cursor: string): QueuePosition {
  try {
    const [bandRank, createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      Number.isInteger(bandRank) &&
      (bandRank as number) >= 0 &&
      (bandRank as number) <= 2 &&
      typeof createdAt === 'string' &&
      !Number.isNaN(Date.parse(createdAt)) &&
      typeof id === 'string' &&
      UUID.test(id)
    ) {
      return { bandRank: bandRank as number, createdAt, id };
    }
  } catch {
    // fall through: any undecodable cursor is the same client error
  }
  throw new InvalidInputError('cursor', 'cursor is not one this API gave out');
}
