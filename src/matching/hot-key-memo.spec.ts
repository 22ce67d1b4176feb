import { HotKeyMemo } from './hot-key-memo.js';

const [orgA, orgB] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];

describe('HotKeyMemo', () => {
  it('knows only the keys it learned, for the organisations and threshold it learned them at', () => {
    const memo = new HotKeyMemo();
    memo.learn([orgA], 1000, ['m:MHMT', 'p:MHMT|AHMT']);
    expect(memo.knownHot([orgA], 1000, ['m:MHMT', 's:MHMD', 'p:MHMT|AHMT'])).toEqual(['m:MHMT', 'p:MHMT|AHMT']);
    // Hot in A is not known hot in B's records, nor at another threshold.
    expect(memo.knownHot([orgB], 1000, ['m:MHMT'])).toEqual([]);
    expect(memo.knownHot([orgA], 300, ['m:MHMT'])).toEqual([]);
  });

  it('takes the organisations as a set, whatever their order', () => {
    const memo = new HotKeyMemo();
    memo.learn([orgB, orgA], 1000, ['m:ALKS']);
    expect(memo.knownHot([orgA, orgB], 1000, ['m:ALKS'])).toEqual(['m:ALKS']);
    expect(memo.knownHot([orgA], 1000, ['m:ALKS'])).toEqual([]);
  });

  it('forgets a key once its time has run from when it was learned, so blocking counts it again', () => {
    let now = 5000;
    const memo = new HotKeyMemo({ ttlMs: 1000, now: () => now });
    memo.learn([orgA], 1000, ['m:TSFY']);
    now = 5900;
    // Being skipped does not extend it: only a new count does.
    expect(memo.knownHot([orgA], 1000, ['m:TSFY'])).toEqual(['m:TSFY']);
    now = 6001;
    expect(memo.knownHot([orgA], 1000, ['m:TSFY'])).toEqual([]);
    memo.learn([orgA], 1000, ['m:TSFY']);
    now = 6900;
    expect(memo.knownHot([orgA], 1000, ['m:TSFY'])).toEqual(['m:TSFY']);
  });

  it('holds at most its bound, dropping the longest-unlearned first', () => {
    const memo = new HotKeyMemo({ max: 3 });
    memo.learn([orgA], 1000, ['k:1', 'k:2', 'k:3', 'k:4']);
    expect(memo.size).toBe(3);
    expect(memo.knownHot([orgA], 1000, ['k:1', 'k:2', 'k:3', 'k:4'])).toEqual(['k:2', 'k:3', 'k:4']);
  });
});
