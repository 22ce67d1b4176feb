import fc from 'fast-check';
import { findUnsafeText } from './text-safety.pipe.js';

describe('findUnsafeText', () => {
  it('names the fields holding NUL or a lone surrogate', () => {
    expect(findUnsafeText({ a: 'ok', b: { c: 'x\u0000y' }, d: ['\uD800'] })).toEqual(['b.c', 'd.0']);
  });

  it('accepts any well-formed text without NUL, in any script', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        fc.pre(!text.includes('\u0000'));
        expect(findUnsafeText({ name: text })).toEqual([]);
      }),
    );
  });

  it('refuses nesting deeper than any real request', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i += 1) deep = { deep };
    expect(findUnsafeText(deep)).toHaveLength(1);
  });
});
