import { arabicReadings } from './arabic-readings.js';
import { consonantSkeleton } from './phonetic-keys.js';

describe('arabicReadings', () => {
  it.each([
    // ظ as dh or d (Gulf, Iraq): Mahfoodh, Mahfood
    ['محفوظ', 'mhfz', ['mhft']],
    // ث as s, ذ and ض as z (Persian, Turkish, Urdu): Osman, Zakir, Ramazan
    ['عثمان', 'tmn', ['smn']],
    ['ذاكر', 'dkr', ['zkr']],
    ['رمضان', 'rmdn', ['rmzn']],
    // a word with none of those letters has no other reading
    ['حسين', 'hsn', []],
  ])('%s (%s) may also read %j', (letters, skeleton, readings) => {
    expect(arabicReadings(letters, skeleton)).toEqual(readings);
  });

  it('gives skeletons the Latin spellings have', () => {
    expect(arabicReadings('محفوظ', 'mhfz')).toContain(consonantSkeleton('mahfood'));
    expect(arabicReadings('عثمان', 'tmn')).toContain(consonantSkeleton('osman'));
  });
});
