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

  it('removes duplicate tokens within each role, keeping the first', () => {
    const tokens = personTokens(
      person([
        { value: 'Amina Yusuf', part: 'full' },
        { value: 'Amina', part: 'given' },
        { value: 'Ali Ali', part: 'father' },
        { value: 'Hawa Hawa', part: 'mother' },
      ]),
    );
    expect(words(tokens.own)).toEqual(['amina', 'yusuf']);
    expect(words(tokens.paternal)).toEqual(['ali']);
    expect(words(tokens.mother)).toEqual(['hawa']);
  });

  it('gives empty lists for roles with no name', () => {
    expect(personTokens(person([]))).toEqual({ own: [], paternal: [], mother: [] });
  });
});
