import fc from 'fast-check';
import { keyFromHex, keyIdOf, newDataKey, open, seal } from './sealed-box.js';

describe('the sealed box (AES-256-GCM)', () => {
  it('opens what it sealed, for the same key and context', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.string(), (bytes, context) => {
        const key = newDataKey();
        const plaintext = Buffer.from(bytes);
        expect(open(key, seal(key, plaintext, context), context).equals(plaintext)).toBe(true);
      }),
    );
  });

  it('never seals the same value twice to the same bytes (a fresh nonce each time)', () => {
    const key = newDataKey();
    expect(seal(key, Buffer.from('Amina'), 'p1').equals(seal(key, Buffer.from('Amina'), 'p1'))).toBe(false);
  });

  it('refuses another key, another context, and any altered byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat(), (bytes, position) => {
        const key = newDataKey();
        const sealed = seal(key, Buffer.from(bytes), 'person-1');
        expect(() => open(newDataKey(), sealed, 'person-1')).toThrow();
        expect(() => open(key, sealed, 'person-2')).toThrow();
        const altered = Buffer.from(sealed);
        altered[position % altered.length] ^= 0x01;
        expect(() => open(key, altered, 'person-1')).toThrow();
      }),
    );
  });

  it('refuses a sealed value shorter than its nonce and tag', () => {
    const key = newDataKey();
    expect(() => open(key, Buffer.alloc(27), 'c')).toThrow(/too short/);
    expect(open(key, seal(key, Buffer.alloc(0), 'c'), 'c').length).toBe(0);
  });

  it('names keys by a hash prefix, and reads keys only as 64 hex characters', () => {
    const key = keyFromHex('ab'.repeat(32), 'TEST_KEY');
    expect(keyIdOf(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(key)).not.toContain('abab');
    expect(() => keyFromHex('ab'.repeat(31), 'TEST_KEY')).toThrow(/TEST_KEY must be 64 hex characters/);
    expect(() => keyFromHex(`x${'ab'.repeat(32)}`, 'TEST_KEY')).toThrow(/64 hex characters/);
    expect(() => keyFromHex(`${'ab'.repeat(32)}x`, 'TEST_KEY')).toThrow(/64 hex characters/);
    expect(() => seal(Buffer.alloc(16), Buffer.from('x'), 'c')).toThrow(/32-byte key/);
  });
});
