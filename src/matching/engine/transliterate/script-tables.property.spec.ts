import fc from 'fast-check';

import { arabicToLatin } from './arabic.js';
import { cyrillicToLatin } from './cyrillic.js';
import { ethiopicToLatin } from './ethiopic.js';
import { greekToLatin } from './greek.js';
import { latinToAscii } from './latin.js';
import { transliterate } from './transliterate.js';

/** Every table in turn, as transliterate ran them before it skipped the tables a text does not need. */
const throughEveryTable = (text: string): string =>
  latinToAscii(ethiopicToLatin(greekToLatin(cyrillicToLatin(arabicToLatin(text.normalize('NFKC').toLowerCase().normalize('NFC'))))));

/** Mixed text from every script the tables read, with the marks, tatweel and digits around them. */
const mixedScripts = fc.string({
  unit: fc
    .oneof(
      fc.integer({ min: 0x0600, max: 0x06ff }),
      fc.integer({ min: 0x0750, max: 0x077f }),
      fc.integer({ min: 0xfb50, max: 0xfdff }),
      fc.integer({ min: 0x0400, max: 0x04ff }),
      fc.integer({ min: 0x0370, max: 0x03ff }),
      fc.integer({ min: 0x1f00, max: 0x1fff }),
      fc.integer({ min: 0x1200, max: 0x139f }),
      fc.integer({ min: 0x0300, max: 0x036f }),
      fc.integer({ min: 0x0020, max: 0x024f }),
    )
    .map((code) => String.fromCodePoint(code)),
});

describe('transliterate skips the tables a text does not need', () => {
  it('gives what running every table would give', () => {
    fc.assert(
      fc.property(fc.oneof(mixedScripts, fc.string({ unit: 'grapheme' })), (text) => transliterate(text) === throughEveryTable(text)),
      { numRuns: 2000 },
    );
  });
});
