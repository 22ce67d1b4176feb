import { InvalidInputError } from '../errors/domain-errors.js';

/** Keyset position: (created_at, id) of the last item of the previous page, opaque to clients. */
export interface CursorPosition {
  createdAt: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt)) && typeof id === 'string' && UUID.test(id)) {
      return { createdAt, id };
    }
  } catch {
    // fall through: any undecodable cursor is the same client error
  }
  throw new InvalidInputError('cursor', 'cursor is not one this API gave out');
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
