import fc from 'fast-check';

import { normaliseName } from './normalise-name.js';
import { compareTokens } from './token-similarity.js';

/**
 * How the way a name was written changes how its tokens agree: the keyboard it was typed on, its
 * first letter, its script's habits (decision 0027).
 */
const token = (name: string) => {
  const { tokens } = normaliseName(name);
  expect(tokens).toHaveLength(1);
  return tokens[0];
};
const compare = (a: string, b: string) => compareTokens(token(a), token(b));

describe('compareTokens: names typed in Cyrillic', () => {
  it.each([
    // Є typed as Е (a Russian layout) and в for its neighbour а
    ['Євпак', 'Еапак', 'typo'],
    // і typed as и, в for а
    ['Юріївна', 'Юриїана', 'typo'],
    // a soft sign left out and a neighbouring key
    ['Марьяна', 'Марянв', 'typo'],
    // two letters no keyboard, ear or hand confuses: two slips, no more
    ['Денисова', 'Данилова', 'near'],
  ])('%s / %s: %s', (a, b, agreement) => {
    expect(compare(a, b)).toBe(agreement);
    expect(compare(b, a)).toBe(agreement);
  });

  it('reads the Cyrillic keyboard only on names typed in Cyrillic: their Latin letters come from the transliterator', () => {
    expect(compare('Yevpak', 'Eapak')).not.toBe('typo');
    expect(compare('Євпак', 'Eapak')).not.toBe('typo');
  });
});

describe('compareTokens: one slip that also sounds alike', () => {
  it.each([
    ['jasim', 'jazim', 'typo'],
    ['lukas', 'lucas', 'typo'],
    // a shared sound code alone stays the looser agreement
    ['kate', 'cait', 'phonetic'],
  ])('%s / %s: %s', (a, b, agreement) => {
    expect(compare(a, b)).toBe(agreement);
  });
});

describe('compareTokens: a first letter in Latin letters', () => {
  it.each([
    // another name of one family, not a slip
    ['melodie', 'elodie', 'none'],
    ['zora', 'lora', 'none'],
    ['kolya', 'tolya', 'none'],
    ['retha', 'letha', 'none'],
    // two spellings of one transliterated sound
    ['yermanou', 'germanou', 'typo'],
    ['yakub', 'jakub', 'typo'],
    ['karim', 'carim', 'typo'],
    // a slip after the first letter is still a slip
    ['melodie', 'melodle', 'typo'],
  ])('%s / %s: %s', (a, b, agreement) => {
    expect(compare(a, b)).toBe(agreement);
    expect(compare(b, a)).toBe(agreement);
  });

  it('takes no consonant skeleton between Latin-typed names that begin with consonants heard apart', () => {
    expect(compare('kuehn', 'huhn')).toBe('none');
    expect(compare('gucev', 'jačev')).toBe('none');
    // heard alike (Double Metaphone X), or a vowel dropped or changed: still one skeleton
    expect(compare('charova', 'sharova')).toBe('skeleton');
    expect(compare('onorina', 'norina')).toBe('skeleton');
    expect(compare('oleg', 'aleg')).toBe('skeleton');
    // names written in other scripts keep the skeleton's folds (Кюн / Hun is Cyrillic к read as h)
    expect(compareTokens(normaliseName('Кюн').tokens[0], normaliseName('Kuehn').tokens[0])).not.toBe('none');
  });

  it('does not apply to names typed in Cyrillic, whose first letters the transliterator writes', () => {
    expect(compare('Корнелій', 'Лорнелій')).toBe('typo');
  });
});

describe('compareTokens: Arabic script', () => {
  it.each([
    // a first letter of another shape: Ahsan / Muhsin
    ['احسن', 'محسن', 'none'],
    // a hamza on the first letter is one shape
    ['أحسن', 'احسن', 'exact'],
    // no short form between Arabic-script words: Rafat / Rafi
    ['رأفت', 'رافع', 'none'],
    // no sound code between Arabic-script words: their vowel-less transliterations share one (AT)
    ['عوض', 'أحدي', 'none'],
    ['علية', 'علوية', 'none'],
  ])('%s / %s: %s', (a, b, agreement) => {
    expect(compare(a, b)).toBe(agreement);
    expect(compare(b, a)).toBe(agreement);
  });

  it('keeps short forms and sound codes where a name is written in Latin letters', () => {
    expect(compare('thom', 'thomas')).toBe('prefix');
    expect(compare('raf', 'rafat')).toBe('prefix');
    expect(compare('عوض', 'Awadh')).toBe('phonetic');
  });
});

describe('compareTokens: the head of a theophoric compound', () => {
  it.each([
    // every spelling of the head is one token
    ['Abdul', 'Abdel', 'exact'],
    ['Abdul', 'عبد', 'exact'],
    // Abbad (عباد) is a name of its own, whose skeleton (bd) the head shares
    ['Abdul', 'Abbad', 'none'],
    ['عبد', 'Abbad', 'none'],
    ['عبد', 'عباد', 'none'],
    // a short or long form of the head stays one
    ['Abdul', 'Abdi', 'prefix'],
  ])('%s / %s: %s', (a, b, agreement) => {
    expect(compare(a, b)).toBe(agreement);
    expect(compare(b, a)).toBe(agreement);
  });

  it('reads عابد (Abid) as a name, though its vowel-less transliteration is abd too', () => {
    expect(compare('عابد', 'Abed')).not.toBe('none');
  });
});

describe('compareTokens: Vietnamese syllables', () => {
  it('takes two syllables with other vowels for two names when either is written with Vietnamese letters', () => {
    expect(compareTokens(normaliseName('Trần').tokens[0], normaliseName('Trinh').tokens[0])).toBe('none');
    expect(compare('Trần', 'Trịnh')).toBe('none');
    // without marks a Vietnamese name cannot be told from another: the sound code still agrees
    expect(compare('Tran', 'Trinh')).toBe('phonetic');
    // the same vowel: the sound code agrees
    expect(compare('Tăng', 'Dang')).toBe('phonetic');
  });

  it('takes a three-letter syllable no Vietnamese word ends so for a slip of the one a letter away', () => {
    const first = (name: string) => normaliseName(name).tokens[0];
    expect(compareTokens(first('Bùi Vân Phương'), first('Bùl Vân Pương'))).toBe('typo');
    // two syllables Vietnamese writes are two names, however close (Lan / Lâm)
    expect(compareTokens(first('Lan Bùi Phương'), first('Lâm Bùi Phương'))).toBe('none');
    // without Vietnamese letters a three-letter word is too short to tell
    expect(compare('bui', 'bul')).toBe('none');
  });
});

describe('compareTokens (properties of the written forms)', () => {
  const cyrillic = fc.string({ unit: fc.constantFrom(...'аваеиіїєоьнркл'), minLength: 1, maxLength: 9 });
  it('gives the same agreement whichever Cyrillic-typed token comes first', () => {
    fc.assert(
      fc.property(cyrillic, cyrillic, (x, y) => {
        const [a] = normaliseName(x).tokens;
        const [b] = normaliseName(y).tokens;
        if (!a || !b) return true;
        return compareTokens(a, b) === compareTokens(b, a);
      }),
      { numRuns: 2000 },
    );
  });
});
