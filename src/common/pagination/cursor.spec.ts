import fc from 'fast-check';
import { InvalidInputError } from '../errors/domain-errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('cursor', () => {
  it('round-trips a position', () => {
    fc.assert(
      fc.property(
        fc.date({ noInvalidDate: true, min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z') }),
        fc.uuid(),
        (date, id) => {
          const position = { createdAt: date.toISOString(), id };
          expect(decodeCursor(encodeCursor(position))).toEqual(position);
        },
      ),
    );
  });

  it('rejects anything it did not make as a client error', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => decodeCursor(text)).toThrow(InvalidInputError);
      }),
    );
  });

  it('refuses a crafted position whose time the database would not read', () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const createdAt of [
      '1',
      '0000-01-01T00:00:00Z',
      '+002026-01-01T00:00:00.000Z',
      '2026-02-30T00:00:00Z',
      '2026-W01-1',
      '2026-01-01',
    ]) {
      expect(() => decodeCursor(Buffer.from(JSON.stringify([createdAt, id])).toString('base64url'))).toThrow(InvalidInputError);
    }
    expect(decodeCursor(Buffer.from(JSON.stringify(['2026-01-01T10:00:00.123456Z', id])).toString('base64url')).id).toBe(id);
  });
});
