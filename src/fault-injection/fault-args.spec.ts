import fc from 'fast-check';
import { parseFaultArgs, UsageError } from './fault-args.js';

describe('parseFaultArgs', () => {
  it('takes the counts and fills in the rest', () => {
    expect(parseFaultArgs(['--kills', '50', '--restarts', '3'])).toEqual({
      kills: 50,
      restarts: 3,
      workers: 2,
      rate: 4,
      downSeconds: 3,
      recoverySeconds: 600,
      keep: false,
      json: false,
    });
    expect(parseFaultArgs(['--kills', '0', '--restarts', '1', '--workers', '3', '--json', '--keep'])).toMatchObject({
      workers: 3,
      json: true,
      keep: true,
    });
  });

  it.each([
    [['--restarts', '1'], '--kills is required'],
    [['--kills', '10'], '--restarts is required'],
    [['--kills=-1', '--restarts', '1'], '--kills must be a whole number'],
    [['--kills', '1.5', '--restarts', '1'], '--kills must be a whole number'],
    [['--kills', '10', '--restarts', '1', '--workers', '0'], '--workers must be between 1 and 8'],
    [['--kills', '10', '--restarts', '1', '--sigkill'], "Unknown option '--sigkill'"],
  ])('refuses %j with a usage error', (argv, message) => {
    expect(() => parseFaultArgs(argv)).toThrow(UsageError);
    expect(() => parseFaultArgs(argv)).toThrow(message);
  });

  it('either parses any argument list into bounded numbers or refuses it with a usage error', () => {
    const token = fc.oneof(
      fc.constantFrom('--kills', '--restarts', '--workers', '--rate', '--down-seconds', '--recovery-seconds', '--keep', '--json'),
      fc.string({ maxLength: 6 }),
      fc.integer({ min: -5, max: 20_000 }).map(String),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 10 }), (argv) => {
        try {
          const options = parseFaultArgs(argv);
          expect(options.kills).toBeLessThanOrEqual(10_000);
          expect(options.workers).toBeGreaterThanOrEqual(1);
          expect(options.rate).toBeGreaterThanOrEqual(1);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
        }
      }),
    );
  });
});
