import type { PersonForMatching } from './person-for-matching.js';
import { blockingKeys, blockingKeyWeight } from './blocking-keys.js';

const person = (value: string, birth: PersonForMatching['birth'] = null): PersonForMatching => ({
  id: value,
  role: 'sought',
  sex: 'unknown',
  birth,
  names: [{ value, part: 'full' }],
});

const shared = (a: string, b: string) => blockingKeys(person(a)).filter((key) => blockingKeys(person(b)).includes(key));

describe('blockingKeys', () => {
  it.each([
    ['محمد الحسن', 'Mohammed al-Hassan'],
    ['Олександр Коваленко', 'Alexander Kovalenko'],
    ['ዮሴፍ ተስፋይ', 'Yosef Tesfay'],
    ['Abdulrahman Omar', 'Omar Abd al-Rahman'],
  ])('gives %s and %s keys in common', (a, b) => {
    expect(shared(a, b).length).toBeGreaterThan(0);
  });

  it('adds name + birth-decade keys only for a narrow birth range', () => {
    expect(blockingKeys(person('Yusuf', { earliest: '1990-01-01', latest: '1990-12-31' }))).toContain('d:sf:1990');
    expect(blockingKeys(person('Yusuf', { earliest: '1940-01-01', latest: '1990-12-31' })).some((k) => k.startsWith('d:'))).toBe(false);
  });

  it('is deterministic and sorted, with no personal text beyond derived keys', () => {
    const keys = blockingKeys(person('Fatima Haddad'));
    expect(keys).toEqual([...keys].sort());
    expect(keys).toEqual(blockingKeys(person('Fatima Haddad')));
    expect(keys.every((k) => /^[a-z]:/.test(k))).toBe(true);
  });
});

describe('blockingKeys: the kinds of key', () => {
  const keysOf = (names: PersonForMatching['names'], birth: PersonForMatching['birth'] = null) =>
    blockingKeys({ id: 'k', role: 'sought', sex: 'unknown', birth, names });

  it('gives a name its skeleton, metaphone, class and first-four-letters keys', () => {
    expect(keysOf([{ value: 'Yusuf', part: 'given' }])).toEqual(['c:yusuf', 'm:ASF', 's:sf', 'x:yusu']);
  });

  it('adds the skeleton of the word without its glued article', () => {
    expect(keysOf([{ value: 'Alnagar', part: 'family' }])).toEqual(['m:ALNKR', 's:lnjr', 's:njr', 'x:alna']);
  });

  it('keys the word without its glued article down to two consonants, and not below', () => {
    expect(keysOf([{ value: 'Alnur', part: 'family' }])).toEqual(['m:ALNR', 's:lnr', 's:nr', 'x:alnu']);
    // without their article, "aoui" has no consonant and "waa" only a w: too little to key
    expect(keysOf([{ value: 'Alaoui', part: 'family' }])).toEqual(['m:AL', 'x:alao']);
    expect(keysOf([{ value: 'Alwaa', part: 'family' }])).toEqual(['m:AL', 'x:alwa']);
  });

  it('gives a token of exactly four letters its first-four-letters key', () => {
    expect(keysOf([{ value: 'Omar', part: 'given' }])).toEqual(['c:omar', 'm:AMR', 's:mr', 'x:omar']);
  });

  it('gives no key for a one-consonant skeleton, a one-letter metaphone code or a token under four letters', () => {
    expect(keysOf([{ value: 'Ole', part: 'full' }])).toEqual(['m:AL']);
    // "ya" / "li": skeletons "" (a leading y is dropped) and l, codes A and L: only the pair key is left
    expect(keysOf([{ value: 'Ya Li', part: 'full' }])).toEqual(['p:s|sl']);
  });

  it('pairs every two tokens of own and paternal names by class or skeleton, in sorted order', () => {
    expect(
      keysOf([
        { value: 'Karim', part: 'given' },
        { value: 'Ali', part: 'father' },
      ]),
    ).toEqual(['c:ali', 'c:karim', 'm:AL', 'm:KRM', 'p:cali|ckarim', 's:krm', 'x:kari']);
    expect(
      keysOf([
        { value: 'Karim Yusuf', part: 'given' },
        { value: 'Ali', part: 'grandfather' },
      ]).filter((k) => k.startsWith('p:')),
    ).toEqual(['p:cali|ckarim', 'p:cali|cyusuf', 'p:ckarim|cyusuf']);
  });

  it('keys a word written twice in one name as if written once', () => {
    expect(blockingKeys(person('Farhan Farhan Kamal'))).toEqual(blockingKeys(person('Farhan Kamal')).concat('s:frhnfrhn').sort());
  });

  it('keys two words written apart on their joined skeleton, when it has three consonants', () => {
    expect(keysOf([{ value: 'Sa Mir', part: 'full' }])).toEqual(['m:MR', 'p:smr|ss', 's:mr', 's:smr']);
    expect(keysOf([{ value: 'Wolde Gebriel', part: 'full' }])).toContain('s:wljprl');
  });

  it("gives the mother's name no key", () => {
    expect(
      keysOf([
        { value: 'Yusuf', part: 'given' },
        { value: 'Amina', part: 'mother' },
      ]),
    ).toEqual(keysOf([{ value: 'Yusuf', part: 'given' }]));
  });

  it('adds birth-decade keys for own names only', () => {
    expect(
      keysOf(
        [
          { value: 'Yusuf', part: 'given' },
          { value: 'Karim', part: 'father' },
        ],
        { earliest: '1990-01-01', latest: '1990-05-31' },
      ).filter((k) => k.startsWith('d:')),
    ).toEqual(['d:sf:1990']);
  });

  it('gives no birth-decade key to a name of one consonant', () => {
    const keys = keysOf(
      [
        { value: 'Ali', part: 'given' },
        { value: 'Omar', part: 'family' },
      ],
      { earliest: '1990-01-01', latest: '1990-12-31' },
    );
    expect(keys.filter((k) => k.startsWith('d:'))).toEqual(['d:mr:1990']);
  });

  it.each([
    ['2009-01-01', '2010-05-31', ['d:sf:2000', 'd:sf:2010']],
    ['1981-06-01', '1999-05-31', ['d:sf:1980', 'd:sf:1990']],
    ['1979-06-01', '1990-05-31', []],
  ])('keys a birth range %s – %s on the decades %j', (earliest, latest, decades) => {
    expect(keysOf([{ value: 'Yusuf', part: 'given' }], { earliest, latest }).filter((k) => k.startsWith('d:'))).toEqual(decades);
  });
});

describe('blockingKeyWeight', () => {
  it.each([
    ['p:cmuhammad|shsn', 3],
    ['d:sf:1990', 2],
    ['s:sf', 1],
    ['c:muhammad', 1],
    ['m:AL', 0.5],
    ['x:moha', 0.5],
    ['z:unknown', 1],
  ])('weighs %s as %d', (key, weight) => {
    expect(blockingKeyWeight(key)).toBe(weight);
  });

  it('weighs a pair of names above the names it is made of, and a phonetic code below a skeleton', () => {
    const keys = blockingKeys(person('Yusuf Haddad', { earliest: '1990-01-01', latest: '1990-12-31' }));
    const weightOf = (prefix: string) => blockingKeyWeight(keys.find((k) => k.startsWith(prefix)) ?? '');
    expect(weightOf('p:')).toBeGreaterThan(weightOf('d:'));
    expect(weightOf('d:')).toBeGreaterThan(weightOf('s:'));
    expect(weightOf('s:')).toBeGreaterThan(weightOf('m:'));
  });
});
