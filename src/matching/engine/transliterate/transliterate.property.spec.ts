import fc from 'fast-check';

import { arabicToLatin } from './arabic.js';
import { cyrillicToLatin } from './cyrillic.js';
import { ethiopicToLatin } from './ethiopic.js';
import { greekToLatin } from './greek.js';
import { latinToAscii } from './latin.js';
import { transliterate } from './transliterate.js';

const OUTPUT = /^[a-z0-9 -]*$/;

/** Names drawn from the scripts the tables cover, mixed with spaces, marks and punctuation. */
const scriptText = fc.string({
  unit: fc
    .oneof(
      fc.integer({ min: 0x0600, max: 0x06ff }),
      fc.integer({ min: 0x0750, max: 0x077f }),
      fc.integer({ min: 0xfb50, max: 0xfdff }),
      fc.integer({ min: 0x0400, max: 0x04ff }),
      fc.integer({ min: 0x0370, max: 0x03ff }),
      fc.integer({ min: 0x1f00, max: 0x1fff }),
      fc.integer({ min: 0x1200, max: 0x139f }),
      fc.integer({ min: 0x00c0, max: 0x024f }),
      fc.integer({ min: 0x0300, max: 0x036f }),
      fc.constantFrom(0x20, 0x2d, 0x27, 0x2019, 0x200c),
    )
    .map((code) => String.fromCodePoint(code)),
});
const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), scriptText);

/** Every table in turn, as transliterate ran them before it skipped the tables a text does not need. */
const throughEveryTable = (text: string): string =>
  latinToAscii(ethiopicToLatin(greekToLatin(cyrillicToLatin(arabicToLatin(text.normalize('NFKC').toLowerCase().normalize('NFC'))))));

describe('transliterate (properties)', () => {
  it('outputs only lowercase ASCII letters, digits, spaces and hyphens', () => {
    fc.assert(fc.property(anyText, (text) => OUTPUT.test(transliterate(text))));
  });

  it('is deterministic', () => {
    fc.assert(fc.property(anyText, (text) => transliterate(text) === transliterate(text)));
  });

  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = transliterate(text);
        return transliterate(once) === once;
      }),
    );
  });

  it('leaves lowercase ASCII names unchanged, apart from collapsing whitespace', () => {
    const asciiName = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789 -\t') });
    fc.assert(fc.property(asciiName, (text) => transliterate(text) === text.replace(/\s+/g, ' ').trim()));
  });

  it('skips only tables a text does not need: the same result as running every table', () => {
    fc.assert(
      fc.property(anyText, (text) => transliterate(text) === throughEveryTable(text)),
      { numRuns: 2000 },
    );
  });

  it('never yields runs of spaces or leading/trailing spaces', () => {
    fc.assert(fc.property(anyText, (text) => !/^ | $| {2}/.test(transliterate(text))));
  });
});
