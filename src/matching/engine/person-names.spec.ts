import type { PersonForMatching } from './person-for-matching.js';
import { personTokens } from './person-names.js';

const person = (names: PersonForMatching['names']): PersonForMatching => ({ id: 'n', role: 'sought', sex: 'unknown', birth: null, names });
const words = (tokens: ReadonlyArray<{ token: string }>) => tokens.map((t) => t.token);

describe('personTokens', () => {
  it('sorts name parts into own, paternal and mother’s names', () => {
    const tokens = personTokens(
      person([
        { value: 'Yusuf', part: 'given' },
        { value: 'Haddad', part: 'family' },
        { value: 'Joe', part: 'alias' },
        { value: 'Yoyo', part: 'nickname' },
        { value: 'Karim', part: 'father' },
        { value: 'Omar', part: 'grandfather' },
        { value: 'Amina', part: 'mother' },
        { value: 'Yusuf Karim Haddad', part: 'full' },
      ]),
    );
    expect(words(tokens.own)).toEqual(['yusuf', 'haddad', 'joe', 'yoyo', 'karim']);
    expect(words(tokens.paternal)).toEqual(['karim', 'omar']);
    expect(words(tokens.mother)).toEqual(['amina']);
  });

  it('pools variants: a word that several names of one role share counts once', () => {
    const tokens = personTokens(
      person([
        { value: 'Amina Yusuf', part: 'full' },
        { value: 'Amina', part: 'given' },
        { value: 'Ali', part: 'father' },
        { value: 'Ali', part: 'grandfather' },
        { value: 'Hawa', part: 'mother' },
        { value: 'Hawa', part: 'mother' },
      ]),
    );
    expect(words(tokens.own)).toEqual(['amina', 'yusuf']);
    expect(words(tokens.paternal)).toEqual(['ali']);
    expect(words(tokens.mother)).toEqual(['hawa']);
  });

  it('keeps a word as often as one name writes it: a boy named after his grandfather has it twice', () => {
    const tokens = personTokens(
      person([
        { value: 'Ahmed Mohamed Ahmed', part: 'full' },
        { value: 'Ahmed', part: 'given' },
        { value: 'Farhan Farhan', part: 'father' },
        { value: 'Farhan', part: 'father' },
      ]),
    );
    expect(words(tokens.own)).toEqual(['ahmed', 'mohamed', 'ahmed']);
    expect(words(tokens.paternal)).toEqual(['farhan', 'farhan']);
  });

  it('gives empty lists for roles with no name', () => {
    expect(personTokens(person([]))).toEqual({ own: [], paternal: [], mother: [] });
  });
});
