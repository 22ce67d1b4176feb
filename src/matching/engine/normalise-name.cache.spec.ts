import { forgetNormalisedNames, normaliseName } from './normalise-name.js';

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

describe('normaliseName token memo', () => {
  const fresh = (name: string) => {
    forgetNormalisedNames();
    return normaliseName(name).tokens;
  };

  // Each pair shares a Latin token whose forms differ in one thing only: how it was written. A memo
  // keyed without that one thing would hand the second name the first name's token.
  const pairs: [string, string, string][] = [
    ['Gamez Ruiz', 'Gámez Ruiz', 'the word as written with marks'],
    ['Smith Anh', 'Nguyễn Anh', 'a name written with Vietnamese letters'],
    ['ዮሐንስ', 'ዮሐንስ Smith', "a name written in Ge'ez letters only"],
    ['Олена', 'Олена Smith', 'the Cyrillic word as written, or none'],
    ['Олена', 'Олэна', 'the Cyrillic word as written'],
    ['Smith', 'محمد Smith', 'a name typed in Latin letters only'],
    ['محمد Smith', 'Олена Smith', 'the script the other letters read in, or none'],
    ['Олена Smith', 'ዮሐንስ Smith', 'the script the other letters read in'],
    ['Mhmd علي', 'محمد علي', 'the Arabic word as written'],
  ];

  it.each(pairs)('never gives %s and %s the same token form (they differ in %s)', (first, second) => {
    const expected = [fresh(first), fresh(second)];
    for (const order of [
      [0, 1],
      [1, 0],
    ]) {
      forgetNormalisedNames();
      const names = [first, second];
      for (const i of order) expect(normaliseName(names[i]).tokens).toEqual(expected[i]);
    }
    // the pair is a real test of the memo: the shared token's forms differ
    const shared = expected[0].find((a) => expected[1].some((b) => b.token === a.token));
    expect(shared).toBeDefined();
    expect(expected[1].find((b) => b.token === shared?.token)).not.toEqual(shared);
  });
});
