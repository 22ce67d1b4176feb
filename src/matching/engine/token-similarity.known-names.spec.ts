import { normaliseName } from './normalise-name.js';
import { compareTokens } from './token-similarity.js';

/** Rules of decision 0032: how two spellings agree, read with what names are known and how they are written. */
const token = (name: string) => {
  const { tokens } = normaliseName(name);
  expect(tokens).toHaveLength(1);
  return tokens[0];
};
const compare = (a: string, b: string) => compareTokens(token(a), token(b));
const both = (a: string, b: string) => [compare(a, b), compare(b, a)];

describe('compareTokens with the known given names', () => {
  it('reads a letter dropped from a word of three or four letters, leaving no known name, as a typo', () => {
    expect(both('Imam', 'Imm')).toEqual(['typo', 'typo']);
    expect(both('Wold', 'Wod')).toEqual(['typo', 'typo']);
    expect(both('Nur', 'Nu')).toEqual(['typo', 'typo']);
    expect(both('Fay', 'Fa')).toEqual(['typo', 'typo']);
  });

  it('leaves a letter dropped that leaves a known name, or another syllable of Vietnamese or Mandarin, as another name', () => {
    expect(compare('Ivan', 'Ian')).toBe('none');
    expect(compare('Olga', 'Ola')).toBe('none');
    expect(compare('Ngo', 'No')).toBe('none');
    expect(compare('Luo', 'Lu')).toBe('none');
    // the first letter is the one writers get right
    expect(compare('Imam', 'Mam')).not.toBe('typo');
  });

  it('reads a surname made from a known given name with an s as two slips, not one', () => {
    expect(both('Jaime', 'Jaimes')).toEqual(['near', 'near']);
    expect(compare('Peter', 'Peters')).toBe('near');
    // Charles is a given name of its own: Charle is Charles with a letter dropped
    expect(compare('Charle', 'Charles')).toBe('typo');
  });
});

describe('compareTokens with how names are written', () => {
  it('shares no sound code between Latin-typed names with other numbers of a w before a vowel', () => {
    expect(compare('Aleya', 'Alwiya')).toBe('none');
    expect(compare('Otuo', 'Otiewa')).toBe('none');
    expect(compare('Owoyemi', 'Oyeyemi')).toBe('near');
    // the same w in both, or a w in neither, leaves the sound code as it was
    expect(compare('Alwiya', 'Alwiyah')).not.toBe('none');
    expect(compare('Kathrin', 'Catherine')).toBe('phonetic');
  });

  it('reads two Ge’ez-typed words of other first syllables as two names', () => {
    expect(compare('አያሌው', 'ያለው')).toBe('none');
    // a slip later in the word is still one
    expect(compare('አያሌው', 'አያለው')).not.toBe('none');
  });

  it('reads a vowel heard as another beside a slip in a long name as one slip (Abeiku / Abaikv)', () => {
    expect(both('Abeiku', 'Abaikv')).toEqual(['typo', 'typo']);
  });

  it('reads the syllables of a Vietnamese name known by its falling tones (Bùi Hoài An) as Vietnamese', () => {
    const [bui, buk] = [normaliseName('Bùi Hoài An').tokens[0], normaliseName('Bùk Hooài An').tokens[0]];
    expect(compareTokens(bui, buk)).toBe('typo');
  });
});
