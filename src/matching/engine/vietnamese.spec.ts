import { isMistypedSyllable, isWrittenVietnamese, otherSyllableVowel } from './vietnamese.js';

describe('isWrittenVietnamese', () => {
  it.each([
    ['Trần Ngọc Oanh', true],
    ['Trịnh Hải Đăng', true],
    ['Bùi Vân Phương', true],
    // decomposed marks are read as the letters they make
    ['Tra\u0302\u0300n', true],
    // the same names without their marks, and letters other languages share (é, ô, ù, đ, ă)
    ['Tran Ngoc Oanh', false],
    ['Hélène Benoît', false],
    ['Nađa Simojlović', false],
    ['Ștefănescu', false],
    // a vowel with a grave accent beside another vowel: the falling tone, written as French and Italian do not
    ['Bùi Hoài An', true],
    ['Hoa\u0300i', true],
    ['Niccolò Rossi', false],
    ['Mònica Pàmies', false],
    ['Hélène Cantù', false],
  ])('%s: %s', (name, expected) => {
    expect(isWrittenVietnamese(name)).toBe(expected);
  });
});

describe('otherSyllableVowel', () => {
  it.each([
    ['tran', 'trinh', true],
    ['huyen', 'huynh', true],
    ['uyen', 'oanh', true],
    ['tang', 'dang', false],
    ['lan', 'lam', false],
    // words of more than one syllable are not compared so (Nonna / Nina, Ivan / Iwan)
    ['nonna', 'nina', false],
    ['anna', 'ana', false],
    // a word without a vowel (an Arabic skeleton) is not a syllable
    ['mhmd', 'muhammad', false],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(otherSyllableVowel(a, b)).toBe(expected);
    expect(otherSyllableVowel(b, a)).toBe(expected);
  });
});

describe('isMistypedSyllable', () => {
  it.each([
    // a vowel or one of c, ch, m, n, ng, nh, p, t ends every Vietnamese syllable
    ['bui', false],
    ['lan', false],
    ['phuong', false],
    ['thanh', false],
    ['bach', false],
    ['duc', false],
    // no syllable ends so
    ['bul', true],
    ['buk', true],
    ['hob', true],
  ])('%s: %s', (token, expected) => {
    expect(isMistypedSyllable(token)).toBe(expected);
  });

  it.each([
    // iê, uô and ươ end no syllable: with nothing after them the language writes ia, ua and ưa
    ['die', 'diệ', true],
    ['tuo', 'tuô', true],
    ['duo', 'dươ', true],
    ['dieu', 'diệu', false],
    ['dia', 'địa', false],
    ['thuan', 'thuận', false],
    ['duong', 'dương', false],
    ['mua', 'mưa', false],
  ])('%s (written %s): %s', (token, marked, expected) => {
    expect(isMistypedSyllable(token, marked)).toBe(expected);
  });
});
