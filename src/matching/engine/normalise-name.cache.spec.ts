import { normaliseName } from './normalise-name.js';

// A file of its own: the memo is module state, and this file starts with it empty.
describe('normaliseName memo', () => {
  it('returns the same frozen object for the same input, and keeps the 20,000 names used most recently', () => {
    const first = normaliseName('Yusuf Haddad');
    expect(normaliseName('Yusuf Haddad')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.tokens)).toBe(true);

    // 20,000 names held: the first is still there, and using it makes it the most recent
    for (let i = 1; i < 20_000; i += 1) normaliseName(`filler ${i}`);
    expect(normaliseName('Yusuf Haddad')).toBe(first);
    // so a name more pushes out the least recently used one instead (filler 1)
    normaliseName('one name too many');
    expect(normaliseName('Yusuf Haddad')).toBe(first);

    // 19,999 new names later it is the least recently used, and the next one pushes it out
    for (let i = 1; i < 20_000; i += 1) normaliseName(`more ${i}`);
    normaliseName('the last straw');
    const again = normaliseName('Yusuf Haddad');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
