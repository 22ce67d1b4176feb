import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset connection', withCode('ECONNRESET')],
    ['a server starting up or in crash recovery (57P03)', withCode('57P03')],
    ['an immediate shutdown (57P01)', withCode('57P01')],
    ['a crash of another backend (57P02)', withCode('57P02')],
    ['a connection failure (08006)', withCode('08006')],
    ['too many connections (53300)', withCode('53300')],
    ['a dropped connection the driver reports without a code', new Error('Connection terminated unexpectedly')],
    ['a client used after its connection broke', new Error('Client has encountered a connection error and is not queryable')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    [
      'a query failure wrapping a dropped connection',
      new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')),
    ],
    ['a failure whose cause is a refused connection', new Error('outer', { cause: withCode('ECONNREFUSED') })],
  ])('is true for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', withCode('23505')],
    ['a deadlock (40P01): the request itself is retried by nobody, and it is a fault to look at', withCode('40P01')],
    ['an invalid uuid (22P02)', new QueryFailedError('SELECT 1', [], withCode('22P02', 'invalid input syntax for type uuid'))],
    ['a plain error', new Error('boom')],
    ['a string', 'ECONNREFUSED'],
    ['null', null],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('does not follow causes for ever', () => {
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});
