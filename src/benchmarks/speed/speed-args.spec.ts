import { parseSpeedArgs, UsageError } from './speed-args.js';

describe('speed benchmark arguments', () => {
  it('has defaults: 220 queries with 20 warm-up, 40 end-to-end, 10,000 re-scored, fuse over all queries up to 200k', () => {
    const options = parseSpeedArgs(['--records', '100000']);
    expect(options).toMatchObject({
      records: 100_000,
      seed: 1,
      queries: 220,
      warmup: 20,
      json: false,
      loadOnly: false,
      e2eQueries: 40,
      rescoreRecords: 10_000,
      fuseQueries: 200,
      workers: 2,
    });
  });

  it('samples the fuse.js scan above 200k records and caps samples at what exists', () => {
    expect(parseSpeedArgs(['--records', '1_000_000']).fuseQueries).toBe(40);
    expect(parseSpeedArgs(['--records', '1000', '--rescore-records', '50000']).rescoreRecords).toBe(1000);
    expect(parseSpeedArgs(['--records', '1000', '--json', '--load-only'])).toMatchObject({ json: true, loadOnly: true });
  });

  it('refuses missing or malformed counts, and too few records for the queries', () => {
    expect(() => parseSpeedArgs([])).toThrow(UsageError);
    expect(() => parseSpeedArgs(['--records', 'many'])).toThrow(UsageError);
    expect(() => parseSpeedArgs(['--records', '600'])).toThrow(/at least 660 records/);
    expect(() => parseSpeedArgs(['--records', '1000', '--bogus'])).toThrow();
  });
});
