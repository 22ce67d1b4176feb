import { LRUCache } from 'lru-cache';

/** How long a key learned hot is taken as hot before blocking counts its rows again. */
export const HOT_KEY_MEMO_TTL_MS = 10 * 60_000;
/** At a million records about 3,600 keys are hot; the bound keeps memory flat whatever the store. */
export const HOT_KEY_MEMO_MAX = 50_000;

/**
 * The blocking keys this process has seen to be hot – held by at least `hotKeyRows` records of the
 * given organisations – so blocking can skip counting them (decision 0034). Counting was most of the
 * blocking statement at a million records: up to 1,000 index entries read per hot key, only to learn
 * what the previous job had learned already. A key is hot for a while, not for ever: an entry lives
 * HOT_KEY_MEMO_TTL_MS from when blocking last counted it, then the next job counts it again, so a
 * key that erasures made rare is counted again within that time. Keys are blind indexes of
 * frequent name parts (decision 0028), each shared by many records: nothing here names a person.
 */
export class HotKeyMemo {
  private readonly hot: LRUCache<string, true>;

  /** `now`: the clock, in milliseconds (tests pass their own). */
  constructor(options: { ttlMs?: number; max?: number; now?: () => number } = {}) {
    this.hot = new LRUCache({
      max: options.max ?? HOT_KEY_MEMO_MAX,
      ttl: options.ttlMs ?? HOT_KEY_MEMO_TTL_MS,
      // The clock read on every look-up, not a cached reading: a few look-ups a job cost nothing.
      ttlResolution: 0,
      ...(options.now ? { perf: { now: options.now } } : {}),
    });
  }

  /** The keys among `keys` known to be hot in these organisations at this threshold. */
  knownHot(organisationIds: readonly string[], hotKeyRows: number, keys: readonly string[]): string[] {
    const scope = scopeOf(organisationIds, hotKeyRows);
    // peek: a key's time runs from when it was counted, not from when it was last skipped.
    return keys.filter((key) => this.hot.has(`${scope}${key}`));
  }

  /** Keys blocking has just counted and found hot. */
  learn(organisationIds: readonly string[], hotKeyRows: number, hotKeys: readonly string[]): void {
    const scope = scopeOf(organisationIds, hotKeyRows);
    for (const key of hotKeys) this.hot.set(`${scope}${key}`, true);
  }

  get size(): number {
    return this.hot.size;
  }
}

/**
 * Hot is a property of a key within a set of organisations and at a threshold: a key hot in one
 * organisation may be rare in another's, and the same key is hot at 300 rows and not at 1,000.
 */
function scopeOf(organisationIds: readonly string[], hotKeyRows: number): string {
  return `${hotKeyRows}|${[...organisationIds].sort().join(',')}|`;
}
