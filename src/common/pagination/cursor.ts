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

// The form the readers write (microseconds, UTC). Date.parse alone takes '1', '0000-01-01' or
// '+002026-01-01', which PostgreSQL refuses: the query would fail as a 500.
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;

function isTimestamp(text: string): boolean {
  const date = TIMESTAMP.exec(text)?.[1];
  // a real day of a year PostgreSQL has (no year 0, no 30 February)
  return date !== undefined && date >= '0001' && new Date(text).toISOString().slice(0, 10) === date;
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && isTimestamp(createdAt) && typeof id === 'string' && UUID.test(id)) {
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
