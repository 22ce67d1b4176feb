import { normaliseName } from './normalise-name.js';
import { compareTokens } from './token-similarity.js';
import {
  cyrillicConsonants,
  isMistypedHead,
  otherConsonantW,
  otherCyrillicConsonants,
  otherInitial,
  otherMarkedVowel,
  unslippedLetter,
} from './written-forms.js';

/** Rules of decision 0030: what the letters a name was typed in say of how two of its spellings agree. */
const token = (name: string) => {
  const { tokens } = normaliseName(name);
  expect(tokens).toHaveLength(1);
  return tokens[0];
};
const compare = (a: string, b: string) => compareTokens(token(a), token(b));

describe('cyrillicConsonants', () => {
  it.each([
    ['сушко', 'сшк'],
    ['сучак', 'счк'],
    // vowels, й and the soft sign out, doubled letters as one
    ['михайлівна', 'мхлвн'],
    ['нонна', 'н'],
    ['марьяна', 'мрн'],
    // letters a keyboard leaves unmarked
    ['ґалина', 'глн'],
    ['щукин', 'шкн'],
  ])('%s: %s', (word, consonants) => {
    expect(cyrillicConsonants(word)).toBe(consonants);
  });
});

describe('otherCyrillicConsonants', () => {
  it('compares words typed in Cyrillic on the consonants as typed', () => {
    expect(otherCyrillicConsonants(token('Сушко'), token('Сучак'))).toBe(true);
    expect(otherCyrillicConsonants(token('Эльдаровна'), token('Эльдаравна'))).toBe(false);
    // Ukrainian and Russian spellings of one name write the same consonants
    expect(otherCyrillicConsonants(token('Григорій'), token('Григорий'))).toBe(false);
    expect(otherCyrillicConsonants(token('Михайло'), token('Михаил'))).toBe(false);
  });

  it('says nothing of a word that was not typed in Cyrillic', () => {
    expect(otherCyrillicConsonants(token('Сушко'), token('Suchak'))).toBe(false);
    expect(otherCyrillicConsonants(token('Sushko'), token('Suchak'))).toBe(false);
  });
});

describe('compareTokens: two words typed in Cyrillic', () => {
  it.each([
    // a sound code of their transliterations joins other names
    ['Нонна', 'Нина', 'none'],
    ['Михайлівна', 'Миколаївна', 'none'],
    // a skeleton that folds ш and ч, or drops д beside г
    ['Сушко', 'Сучак', 'none'],
    ['Эдгарович', 'Егорович', 'near'],
    // the same consonants keep their skeleton: vowels, Ukrainian and Russian letters
    ['Эльдаровна', 'Эльдаравна', 'skeleton'],
    ['Григорій', 'Григорий', 'skeleton'],
    ['Щукин', 'Шукин', 'skeleton'],
  ])('%s / %s: %s', (a, b, agreement) => {
    expect(compare(a, b)).toBe(agreement);
    expect(compare(b, a)).toBe(agreement);
  });

  it('keeps the sound code and the skeleton where one side is written in Latin letters', () => {
    expect(compare('Сушко', 'Sushko')).toBe('exact');
    expect(compare('Нонна', 'Nona')).not.toBe('none');
  });
});

describe('isMistypedHead', () => {
  it.each([
    ['abdvl', true],
    ['abdek', true],
    // another letter than a slip gives
    ['abdxl', false],
    ['abdi', false],
    ['abbad', false],
  ])('%s: %s', (word, expected) => {
    expect(isMistypedHead({ ...token(word), token: word })).toBe(expected);
  });

  it('reads only names typed in Latin letters', () => {
    expect(isMistypedHead({ ...token('abdvl'), typedInLatin: undefined })).toBe(false);
  });
});

describe('compareTokens: the compound head with a slip in it', () => {
  it('meets Abdul as a typo, not as a longer name that begins with it', () => {
    expect(compare('Abdvl', 'Abdul')).toBe('typo');
    expect(compare('Abdul', 'Abdvl')).toBe('typo');
    expect(compare('Abdel', 'Abdek')).toBe('typo');
  });

  it('still meets Abdi as a short form only', () => {
    expect(compare('Abdi', 'Abdul')).toBe('prefix');
  });
});

describe('unslippedLetter', () => {
  it.each([
    // a letter no hand, eye or ear puts for the other
    ['taddele', 'taddese', true],
    ['emil', 'emin', true],
    ['jane', 'jake', true],
    // a neighbouring key, a look-alike letter, one sound
    ['gbadebo', 'gbafebo', false],
    ['mbaye', 'mhaye', false],
    ['jasim', 'jazim', false],
    ['tsvetkova', 'tcvetkova', false],
    // one sound under another orthography's letter (Turkish c, Somali x)
    ['necati', 'nejati', false],
    ['maxamed', 'mahamed', false],
    ['faarax', 'faarah', false],
    // two letters swapped, a letter dropped, two letters changed: not this rule's
    ['hofman', 'hofamn', false],
    ['jaimes', 'jaime', false],
    ['nonna', 'nina', false],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(unslippedLetter(token(a), token(b))).toBe(expected);
    expect(unslippedLetter(token(b), token(a))).toBe(expected);
  });

  it('reads only names typed in Latin letters: Cyrillic letters come through the transliterator', () => {
    expect(unslippedLetter(token('Полина'), token('Полита'))).toBe(false);
  });
});

describe('compareTokens: one letter changed', () => {
  it.each([
    ['Taddele', 'Taddese', 'near'],
    ['Emil', 'Emin', 'near'],
    ['Vanya', 'Vasya', 'near'],
    ['Gbadebo', 'Gbafebo', 'typo'],
    ['Tsvetkova', 'Tcvetkova', 'typo'],
    ['Maria', 'Marja', 'typo'],
    ['Полина', 'Полита', 'typo'],
  ])('%s / %s: %s', (a, b, agreement) => {
    expect(compare(a, b)).toBe(agreement);
    expect(compare(b, a)).toBe(agreement);
  });
});

describe('otherMarkedVowel', () => {
  it.each([
    // marked vowels of other letters at one place: two names
    ['Gámez', 'Gómez', true],
    ['Thị', 'Thủ', true],
    // the same vowel under another mark, a mark left off, or no marked vowel at that place
    ['Hải', 'Hảo', false],
    ['Gómez', 'Gomez', false],
    ['Gómez', 'Gòmez', false],
    ['José', 'Josá', true],
    ['Gülay', 'Gunay', false],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(otherMarkedVowel(token(a), token(b))).toBe(expected);
    expect(otherMarkedVowel(token(b), token(a))).toBe(expected);
  });
});

describe('compareTokens: marked vowels and Vietnamese syllables', () => {
  it.each([
    ['Gámez', 'Gómez', 'none'],
    ['Gómez', 'Gomez', 'exact'],
    // a Vietnamese syllable that ends as none does is the one with its last letter back
    ['Diệu', 'Diệ', 'typo'],
    // two syllables the language writes are not this slip (u and p: no hand or eye confuses them)
    ['Diệu', 'Diệp', 'near'],
    ['Lan', 'Lâm', 'none'],
  ])('%s / %s: %s', (a, b, agreement) => {
    expect(compare(a, b)).toBe(agreement);
    expect(compare(b, a)).toBe(agreement);
  });
});

describe('otherConsonantW', () => {
  it.each([
    ['Aleya', 'Alwiya', true],
    ['Owoyemi', 'Oyeyemi', true],
    ['Otuo', 'Otiewa', true],
    // a w before no vowel is not counted (Bowden), nor one that both have
    ['Bowden', 'Boden', false],
    ['Alwiya', 'Alwia', false],
    ['Sara', 'Sarah', false],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(otherConsonantW(token(a), token(b))).toBe(expected);
    expect(otherConsonantW(token(b), token(a))).toBe(expected);
  });

  it('reads only names typed in Latin letters', () => {
    expect(otherConsonantW(token('Alwiya'), token('علية'))).toBe(false);
  });
});

describe('otherInitial: words typed in Ge’ez', () => {
  it.each([
    // ያ (ya) is not አ (a): the first syllable dropped
    ['አያሌው', 'ያለው', true],
    ['ገነት', 'ቀነት', true],
    // one consonant in other vowel orders, or a vowel carrier in another
    ['ገነት', 'ጌነት', false],
    ['አበበ', 'ኣበበ', false],
    ['አበበ', 'እበበ', false],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(otherInitial(token(a), token(b))).toBe(expected);
  });

  it('does not read a Ge’ez word against a Latin one so', () => {
    expect(otherInitial(token('አያሌው'), token('Yalew'))).toBe(false);
  });
});
