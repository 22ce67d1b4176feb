import { detectScripts, transliterate } from './transliterate.js';

describe('transliterate', () => {
  it.each([
    ['Ahmed محمد', 'ahmed mhmd'],
    ['Олександр Alexandros Αλέξανδρος', 'oleksandr alexandros alexandros'],
    ['ዮሴፍ / يوسف / Юсуф', 'yosef yusf yusuf'],
    ['', ''],
    ['   ', ''],
    ['张伟', ''],
    ['李 Wei', 'wei'],
    ['\u0645\u064E', 'ma'],
    ['e\u0301', 'e'],
  ])('%j → %j', (input, expected) => {
    expect(transliterate(input)).toBe(expected);
  });

  it('reads presentation forms through NFKC', () => {
    // ﻣﺤﻤﺪ: the Arabic letters in their contextual presentation forms (U+FE00 block).
    expect(transliterate('\uFEE3\uFEA4\uFEE4\uFEAA')).toBe('mhmd');
  });
});

describe('detectScripts', () => {
  it.each([
    ['Ahmed', ['Latn']],
    ['محمد Ahmed', ['Latn', 'Arab']],
    ['Юрій', ['Cyrl']],
    ['Γιώργος ዮሴፍ', ['Grek', 'Ethi']],
    ['张伟 123', []],
    ['', []],
  ])('%s → %j', (input, expected) => {
    expect(detectScripts(input)).toEqual(expected);
  });
});
