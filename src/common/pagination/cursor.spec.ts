import fc from 'fast-check';
import { InvalidInputError } from '../errors/domain-errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('cursor', () => {
  it('round-trips a position', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), fc.uuid(), (date, id) => {
        const position = { createdAt: date.toISOString(), id };
        expect(decodeCursor(encodeCursor(position))).toEqual(position);
      }),
    );
  });

  it('rejects anything it did not make as a client error', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => decodeCursor(text)).toThrow(InvalidInputError);
      }),
    );
  });
});
