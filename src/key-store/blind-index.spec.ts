import fc from 'fast-check';
import { newDataKey } from '../crypto/sealed-box.js';
import { blockingKeyWeight } from '../matching/engine/blocking-keys.js';
import { BlindIndex, isBlindKey } from './blind-index.js';

// The engine's keys are made of normalised name letters, codes and digits: never a '#'.
const engineKey = fc
  .tuple(
    fc.constantFrom('s', 'm', 'c', 'p', 'd', 'x'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((value) => !value.startsWith('#')),
  )
  .map(([kind, value]) => `${kind}:${value}`);

describe('BlindIndex', () => {
  const index = new BlindIndex(newDataKey());

  it('gives equal keys equal stored forms and keeps the kind, so blocking meets and weighs them as before', () => {
    fc.assert(
      fc.property(engineKey, (key) => {
        const stored = index.of(key);
        expect(index.of(key)).toBe(stored);
        expect(stored.slice(0, stored.indexOf(':'))).toBe(key.slice(0, key.indexOf(':')));
        expect(blockingKeyWeight(stored)).toBe(blockingKeyWeight(key));
        expect(isBlindKey(stored)).toBe(true);
        expect(isBlindKey(key)).toBe(false);
      }),
    );
  });

  it('shows nothing of the key it stands for: same length whatever the key, no part of it', () => {
    fc.assert(
      fc.property(engineKey, (key) => {
        const stored = index.of(key);
        expect(stored).toMatch(/^[a-z]:#[A-Za-z0-9_-]{22}$/);
        const value = key.slice(key.indexOf(':') + 1);
        if (value.length >= 3) expect(stored.slice(2)).not.toContain(value);
      }),
    );
    expect(index.of('m:MHMT')).not.toContain('MHMT');
  });

  it('tells different keys apart, and another key gives other forms (a dump cannot be hashed against a word list without it)', () => {
    fc.assert(
      fc.property(engineKey, engineKey, (a, b) => {
        fc.pre(a !== b);
        expect(index.of(a)).not.toBe(index.of(b));
      }),
    );
    const other = new BlindIndex(newDataKey());
    expect(other.of('s:MHMT')).not.toBe(index.of('s:MHMT'));
  });

  it('stores a record’s keys distinct and sorted', () => {
    const stored = index.ofAll(['s:KLT', 'm:KLT', 's:KLT']);
    expect(stored).toHaveLength(2);
    expect([...stored].sort()).toEqual(stored);
  });

  it('refuses a key without its kind, and a key of the wrong size', () => {
    expect(() => index.of('MHMT')).toThrow('kind:value');
    expect(() => new BlindIndex(Buffer.alloc(16))).toThrow('32 bytes');
  });
});
