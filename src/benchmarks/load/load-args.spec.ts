import { LoadUsageError, parseLoadArgs } from './load-args.js';
import { DEFAULT_MIX } from './traffic-mix.js';

describe('parseLoadArgs', () => {
  it('bounds the run by default', () => {
    expect(parseLoadArgs([])).toEqual({
      durationS: 30,
      amount: 20_000,
      connections: 16,
      workers: 1,
      mix: DEFAULT_MIX,
      seedPairs: 20,
      drainS: 60,
      json: false,
    });
  });

  it('reads every option', () => {
    const options = parseLoadArgs([
      '--duration',
      '10',
      '--amount',
      '5_000',
      '--connections',
      '8',
      '--workers',
      '2',
      '--mix',
      'read=1',
      '--seed-pairs',
      '5',
      '--drain',
      '0',
      '--json',
    ]);
    expect(options).toMatchObject({ durationS: 10, amount: 5000, connections: 8, workers: 2, seedPairs: 5, drainS: 0, json: true });
    expect(options.mix.read).toBe(1);
    expect(options.mix.create).toBe(0);
  });

  it('takes a running API on loopback', () => {
    expect(parseLoadArgs(['--api-url', 'http://127.0.0.1:3000']).apiUrl).toBe('http://127.0.0.1:3000');
    expect(parseLoadArgs([]).apiUrl).toBeUndefined();
  });

  it.each([
    [['--duration', '0'], /--duration must be between 1 and 600/],
    [['--duration', '601'], /--duration must be between/],
    [['--amount', 'many'], /--amount must be a whole number/],
    [['--amount', '4', '--connections', '8'], /--amount must be at least --connections/],
    [['--mix', 'delete=1'], /unknown kind delete/],
    [['--unknown'], /Unknown option/],
    [['--api-url', 'http://api.example.org:3000'], /loopback/],
    [['--api-url', 'https://127.0.0.1:3000'], /loopback/],
    [['--api-url', 'http://127.0.0.1:3000/v1'], /no path/],
    [['--api-url', 'not a url'], /must be a URL/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseLoadArgs(argv)).toThrow(LoadUsageError);
    expect(() => parseLoadArgs(argv)).toThrow(message);
  });
});
