import fc from 'fast-check';
import { InvalidInputError } from '../common/errors/domain-errors.js';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor.js';

describe('the queue cursor', () => {
  it('decodes what it encoded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.uuid(),
        (bandRank, date, id) => {
          const position = { bandRank, createdAt: date.toISOString(), id };
          expect(decodeQueueCursor(encodeQueueCursor(position))).toEqual(position);
        },
      ),
    );
  });

  it('refuses anything else with a client error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          decodeQueueCursor(text);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidInputError);
        }
      }),
    );
    expect(() =>
      decodeQueueCursor(Buffer.from(JSON.stringify([7, '2026-01-01T00:00:00Z', crypto.randomUUID()])).toString('base64url')),
    ).toThrow(InvalidInputError);
  });
});
