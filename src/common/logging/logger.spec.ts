import { Writable } from 'node:stream';
import { createPinoLogger, PinoNestLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('structured logger', () => {
  it('writes JSON lines and blanks personal fields that slip into a log object', () => {
    const { lines, stream } = capture();
    const logger = createPinoLogger('info', stream);
    logger.info({ personId: 'p-1', person: { names: ['محمد'], circumstances: 'fled at night', placeOfBirth: 'Aleppo' } }, 'scored');
    const entry = JSON.parse(lines[0]);
    expect(entry.personId).toBe('p-1');
    expect(lines[0]).not.toMatch(/محمد|fled at night|Aleppo/);
    expect(entry.person.names).toBe('[redacted]');
  });

  it('keeps Nest’s context and message when used as Nest’s logger', () => {
    const { lines, stream } = capture();
    new PinoNestLogger(createPinoLogger('info', stream)).log({ jobId: 'j-1' }, 'job done', 'MatchPersonProcessor');
    expect(JSON.parse(lines[0])).toMatchObject({ context: 'MatchPersonProcessor', jobId: 'j-1', msg: 'job done' });
  });
});
