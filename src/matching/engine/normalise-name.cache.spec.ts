import { normaliseName } from './normalise-name.js';

// A file of its own: the memo is module state, and this file starts with it empty.
describe('normaliseName memo', () => {
  it('returns the same frozen object for the same input, and keeps it until 20,000 names are held', () => {
    const first = normaliseName('Yusuf Haddad');
    expect(normaliseName('Yusuf Haddad')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.tokens)).toBe(true);

    for (let i = 1; i < 20_000; i += 1) normaliseName(`filler ${i}`);
    expect(normaliseName('Yusuf Haddad')).toBe(first);

    // the 20,001st name pushes out the oldest
    normaliseName('one name too many');
    const again = normaliseName('Yusuf Haddad');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
