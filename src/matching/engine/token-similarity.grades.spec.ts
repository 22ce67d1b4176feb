import { normaliseName } from './normalise-name.js';
import { compareTokens } from './token-similarity.js';

const token = (name: string) => normaliseName(name).tokens[0];
const compare = (a: string, b: string) => compareTokens(token(a), token(b));

describe('compareTokens: typo grades', () => {
  it('reads one slip as a typo: a letter changed, dropped or two swapped', () => {
    expect(compare('Storozhuk', 'Storozhul')).toBe('typo');
    expect(compare('Kovan', 'Kovat')).toBe('typo');
    expect(compare('Albert', 'Ablert')).toBe('typo');
  });

  it('reads two slips in a long name as near, weaker than a typo', () => {
    expect(compare('Cedomir', 'Radomir')).toBe('near');
    expect(compare('Hemmat', 'Hemmayh')).toBe('near');
  });

  it('reads what only fuse.js finds alike as near', () => {
    // fuse.js looks for the longer token inside the shorter: "ibrahim" in "rahim" with two errors
    expect(compare('Rahim', 'Ibrahim')).toBe('near');
  });

  it('does not read two slips in a name of five letters or fewer, or any slip in three letters, as a typo', () => {
    expect(compare('Lenzen', 'Lesen')).toBe('none');
    expect(compare('Nur', 'Nu')).toBe('none');
  });
});
