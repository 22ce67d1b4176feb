import { arabicLetters, oneDotApart } from './arabic-dots.js';

describe('arabicLetters', () => {
  it.each([
    ['مُحَمَّد', 'محمد'],
    ['الصيد', 'صيد'],
    ['مه\u200cرزان', 'مهرزان'],
    // the article only before more than one letter
    ['الم', 'الم'],
    ['Ahmed', undefined],
  ])('%s → %s', (word, letters) => {
    expect(arabicLetters(word)).toBe(letters);
  });
});

describe('oneDotApart', () => {
  it.each([
    ['ربيع', 'رتيع', true],
    ['جمعة', 'جمعه', true],
    ['منير', 'منىر', true],
    ['ربيع', 'ربيع', false],
    ['بشار', 'يسار', false],
    ['ربيع', 'رفيع', false],
    ['نور', 'نوري', false],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(oneDotApart(a, b)).toBe(expected);
    expect(oneDotApart(b, a)).toBe(expected);
  });
});
