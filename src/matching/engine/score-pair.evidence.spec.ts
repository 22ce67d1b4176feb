import { MODEL_WEIGHTS as W } from './data/model-weights.js';
import { normaliseName } from './normalise-name.js';
import type { EngineNamePart, EngineSex, PersonForMatching } from './person-for-matching.js';
import { alignTokens, bandOf, scorePair, type Evidence, type PairContext } from './score-pair.js';

// Ids rise in creation order, so the first person made is side `a` of the explanation.
let next = 0;
function person(overrides: Partial<PersonForMatching> = {}): PersonForMatching {
  next += 1;
  return { id: `q${String(next).padStart(4, '0')}`, role: 'sought', sex: 'unknown', birth: null, names: [], ...overrides };
}
const named = (value: string, overrides: Partial<PersonForMatching> = {}) => person({ names: [{ value, part: 'full' }], ...overrides });
const evidence = (first: PersonForMatching, second: PersonForMatching, field: Evidence['field'], context?: PairContext) =>
  scorePair(first, second, context).evidence.find((e) => e.field === field)!;
const names = (x: string, y: string) => evidence(named(x), named(y), 'names');
const logistic = (logOdds: number) => 1 / (1 + Math.exp(-logOdds));

describe('scorePair: own names', () => {
  it('sums the token weights into the score over the prior', () => {
    const result = scorePair(named('Yusuf Haddad'), named('Yusuf Haddad'));
    const own = result.evidence.find((e) => e.field === 'names')!;
    expect(own).toMatchObject({ outcome: 'agree', unmatched: 0, extra: 0 });
    expect(own.weight).toBeCloseTo(2 * W.token.exact, 10);
    expect(result.score).toBeCloseTo(logistic(W.prior + 2 * W.token.exact), 10);
    expect(result.band).toBe('high');
  });

  it('charges a token of the shorter name that found no partner', () => {
    const own = names('Fatima Haddad', 'Karim Haddad');
    expect(own).toMatchObject({ outcome: 'partial', unmatched: 1, extra: 0, matches: [{ a: 'haddad', b: 'haddad', agreement: 'exact' }] });
    expect(own.weight).toBeCloseTo(W.token.exact + W.unmatchedOwnToken, 10);
  });

  it('charges a token the longer name has beyond the shorter one', () => {
    const own = names('Yusuf Ali Haddad', 'Yusuf Haddad');
    expect(own).toMatchObject({ outcome: 'agree', unmatched: 0, extra: 1 });
    expect(own.weight).toBeCloseTo(2 * W.token.exact + W.extraOwnToken, 10);
  });

  it('calls names with no token in common a disagreement', () => {
    const own = names('Fatima', 'Karim');
    expect(own).toMatchObject({ outcome: 'disagree', matches: [], unmatched: 1, extra: 0 });
    expect(own.weight).toBeCloseTo(W.unmatchedOwnToken, 10);
  });

  it('weighs nothing when one side has no own name', () => {
    const fatherOnly = person({ names: [{ value: 'Yusuf', part: 'father' }] });
    expect(evidence(named('Yusuf'), fatherOnly, 'names')).toEqual({ field: 'names', outcome: 'unknown', weight: 0 });
    expect(evidence(fatherOnly, named('Yusuf'), 'names')).toEqual({ field: 'names', outcome: 'unknown', weight: 0 });
  });

  it('explains the tokens from the side with the lower id first, whichever side asked', () => {
    const a = named('Yusuf');
    const b = named('Youssef');
    const expected = [{ a: 'yusuf', b: 'youssef', agreement: 'equivalent' }];
    expect(evidence(a, b, 'names').matches).toEqual(expected);
    expect(evidence(b, a, 'names').matches).toEqual(expected);
  });
});

describe('scorePair: names left out', () => {
  it('counts words left out side by side between agreeing words as one name left out (a two-word middle name)', () => {
    const own = names('Nguyen Kien Giang', 'Nguyen Huu Chien Kien Giang');
    expect(own).toMatchObject({ outcome: 'agree', unmatched: 0, extra: 1 });
    expect(own.weight).toBeCloseTo(3 * W.token.exact + W.extraOwnToken, 10);
  });

  it('counts words left out apart from each other as two', () => {
    const own = names('Nguyen Kien Giang', 'Nguyen Huu Kien Chien Giang');
    expect(own).toMatchObject({ unmatched: 0, extra: 2 });
    expect(own.weight).toBeCloseTo(3 * W.token.exact + 2 * W.extraOwnToken, 10);
  });

  it('counts words left out before the first or after the last agreeing word one by one', () => {
    expect(names('Imam', 'Husayn Fawzi Amadu Imam')).toMatchObject({ unmatched: 0, extra: 3 });
    expect(names('Nguyen Kien', 'Nguyen Kien Huu Chien')).toMatchObject({ unmatched: 0, extra: 2 });
    expect(names('Kien Giang', 'Nguyen Huu Kien Giang')).toMatchObject({ unmatched: 0, extra: 2 });
  });

  it('counts a first word left out twice when the shorter name begins at the second word of the longer (decision 0030)', () => {
    // the shorter is most often the longer one's father: given + father + grandfather
    const own = names('Athanasios Botsaris', 'Georgios Athanasios Botsaris');
    expect(own).toMatchObject({ outcome: 'agree', unmatched: 0, extra: 2 });
    expect(own.weight).toBeCloseTo(2 * W.token.exact + 2 * W.extraOwnToken, 10);
    expect(names('Georgios Athanasios Botsaris', 'Athanasios Botsaris')).toMatchObject({ extra: 2 });
    expect(names('Mohamed Ali', 'Ahmed Mohamed Ali')).toMatchObject({ extra: 2 });
    expect(scorePair(named('Athanasios Botsaris'), named('Georgios Athanasios Botsaris')).score).toBeLessThan(0.6);
  });

  it('counts a first word left out once when the shorter name does not begin at the second word', () => {
    // a middle or a last name left out, or the shorter name in another order
    expect(names('Georgios Botsaris', 'Georgios Athanasios Botsaris')).toMatchObject({ extra: 1 });
    expect(names('Georgios Athanasios', 'Georgios Athanasios Botsaris')).toMatchObject({ extra: 1 });
    expect(names('Botsaris Athanasios', 'Georgios Athanasios Botsaris')).toMatchObject({ extra: 1 });
    // two words left out at the start count one by one, as before
    expect(names('Kien Giang', 'Nguyen Huu Kien Giang')).toMatchObject({ extra: 2 });
  });

  it('counts a first word written twice and left out once as one name left out', () => {
    expect(names('Zora Robel', 'Zora Zora Robel')).toMatchObject({ unmatched: 0, extra: 1 });
  });

  it('counts every extra word when some word found no partner', () => {
    expect(names('Nguyen Kien Minh', 'Nguyen Huu Chien Kien Giang')).toMatchObject({ unmatched: 1, extra: 2 });
  });

  it('does not depend on the order of the shorter name', () => {
    const x = scorePair(named('Nguyen Kien Giang'), named('Nguyen Huu Chien Kien Giang'));
    const y = scorePair(named('Giang Kien Nguyen'), named('Nguyen Huu Chien Kien Giang'));
    expect(y.score).toBeCloseTo(x.score, 12);
  });
});

describe('scorePair: a word written twice in one name', () => {
  it('counts both: "Farhan Farhan Kamal" leaves a Kamal against a Farhan of "Farhan Farhan Farhan"', () => {
    const own = names('Farhan Farhan Farhan', 'Farhan Farhan Kamal');
    expect(own).toMatchObject({ outcome: 'partial', unmatched: 1, extra: 0 });
    expect(own.weight).toBeCloseTo(2 * W.token.exact + W.unmatchedOwnToken, 10);
  });

  it('pairs each copy once: "Ahmed Ali Ahmed" is not "Ahmed Ali"', () => {
    const own = names('Ahmed Ali Ahmed', 'Ahmed Ali');
    expect(own).toMatchObject({ outcome: 'agree', unmatched: 0, extra: 1 });
    expect(own.matches).toEqual([
      { a: 'ahmed', b: 'ahmed', agreement: 'exact' },
      { a: 'ali', b: 'ali', agreement: 'exact' },
    ]);
  });

  it('weighs the second copy of a word met as its first copy was as an exact agreement', () => {
    const own = names('Asnaqa Seyon Seyon', 'Asnaqa Sayon Sayon');
    expect(own.matches).toEqual([
      { a: 'asnaqa', b: 'asnaqa', agreement: 'exact' },
      { a: 'seyon', b: 'sayon', agreement: 'skeleton' },
      { a: 'seyon', b: 'sayon', agreement: 'skeleton', repeated: true },
    ]);
    expect(own.weight).toBeCloseTo(2 * W.token.exact + W.token.skeleton, 10);
  });

  it('lets the second copy meet a slip of it (بلبل بلبل / تلبل بلبل)', () => {
    const own = names('بلبل بلبل رفيق', 'تلبل بلبل رفيق');
    expect(own).toMatchObject({ unmatched: 0, extra: 0 });
    expect(own.matches?.map((m) => m.agreement).sort()).toEqual(['exact', 'exact', 'typo']);
  });
});

describe('scorePair: names written together and apart', () => {
  it('pairs one token with two, counts the pair as one name, and weighs typos among the rest', () => {
    const own = names('Woldegebriel Samira', 'Wolde Gebriel Zamila');
    expect(own).toMatchObject({
      outcome: 'agree',
      unmatched: 0,
      extra: 0,
      matches: [
        { a: 'woldegebriel', b: 'wolde+gebriel', agreement: 'joined' },
        { a: 'samira', b: 'zamila', agreement: 'near' },
      ],
    });
    expect(own.weight).toBeCloseTo(W.token.joined + W.token.near, 10);
  });

  it('joins tokens whichever side writes them apart', () => {
    expect(names('Se Lam', 'Selam').matches).toEqual([{ a: 'se+lam', b: 'selam', agreement: 'joined' }]);
  });

  it('joins a name of five letters but never one of four', () => {
    expect(names('Selam', 'Se Lam')).toMatchObject({
      outcome: 'agree',
      extra: 0,
      matches: [{ a: 'selam', b: 'se+lam', agreement: 'joined' }],
    });
    const short = names('Rami', 'Ra Mi');
    expect(short).toMatchObject({ outcome: 'disagree', matches: [], unmatched: 1, extra: 1 });
    expect(short.weight).toBeCloseTo(W.unmatchedOwnToken + W.extraOwnToken, 10);
  });

  it('does not join two tokens that do not make up the name', () => {
    expect(names('Woldegebriel', 'Wolde Mariam')).toMatchObject({
      matches: [{ a: 'woldegebriel', b: 'wolde', agreement: 'prefix' }],
      unmatched: 0,
      extra: 1,
    });
  });

  it('never joins a token that already agrees with another', () => {
    // "ali" pairs with "ali"; "mohamedali" may not reuse it to read as "mohamed" + "ali"
    const expected = (whole: 'a' | 'b') => [
      { a: 'ali', b: 'ali', agreement: 'exact' },
      whole === 'a' ? { a: 'mohamedali', b: 'mohamed', agreement: 'prefix' } : { a: 'mohamed', b: 'mohamedali', agreement: 'prefix' },
    ];
    expect(names('Mohamedali Ali', 'Mohamed Ali').matches).toEqual(expected('a'));
    expect(names('Mohamed Ali', 'Mohamedali Ali').matches).toEqual(expected('b'));
  });

  it('never joins a token with itself', () => {
    expect(names('Tesfatesfa', 'Tesfa').matches).toEqual([{ a: 'tesfatesfa', b: 'tesfa', agreement: 'prefix' }]);
  });

  it.todo('scores Abubakr / Abu Bakr as one name joined (today "abubakr" meets "bakr" on its skeleton and "abu" is an extra token)');
});

describe('scorePair: parents’ names', () => {
  const withParents = (father: string, mother: string, own = 'Abdi Warsame') =>
    person({
      names: [
        { value: own, part: 'full' },
        { value: father, part: 'father' },
        { value: mother, part: 'mother' },
      ],
    });

  it('credits a parent’s name token with a share of what it gains over a conflict', () => {
    const a = withParents('Yusuf', 'Amina');
    const b = withParents('Yusuf', 'Aminah');
    const paternal = evidence(a, b, 'paternal_names');
    expect(paternal).toMatchObject({ outcome: 'agree', matches: [{ a: 'yusuf', b: 'yusuf', agreement: 'exact' }] });
    expect(paternal.weight).toBeCloseTo(W.parentTokenFactor * (W.token.exact - W.unmatchedOwnToken), 10);
    const mother = evidence(a, b, 'mother_name');
    expect(mother).toMatchObject({ outcome: 'agree', matches: [{ a: 'amina', b: 'aminah', agreement: 'equivalent' }] });
    expect(mother.weight).toBeCloseTo(W.parentTokenFactor * (W.token.equivalent - W.unmatchedOwnToken), 10);
  });

  it('costs nothing when a parent’s name does not agree', () => {
    const a = withParents('Yusuf Ali', 'Amina');
    const b = withParents('Karim', 'Fadumo');
    expect(evidence(a, b, 'paternal_names')).toMatchObject({ outcome: 'disagree', weight: 0, unmatched: 1, extra: 1 });
    expect(evidence(a, b, 'mother_name')).toMatchObject({ outcome: 'disagree', weight: 0 });
  });

  it('sums the parents’ names into the score', () => {
    const a = withParents('Yusuf', 'Amina');
    const b = withParents('Yusuf', 'Amina');
    const parentExact = W.parentTokenFactor * (W.token.exact - W.unmatchedOwnToken);
    expect(scorePair(a, b).score).toBeCloseTo(logistic(W.prior + 2 * W.token.exact + 2 * parentExact), 10);
  });
});

describe('scorePair: birth dates', () => {
  const exact = (iso: string) => ({ earliest: iso, latest: iso });
  const birth = (x: PersonForMatching['birth'], y: PersonForMatching['birth']) =>
    evidence(named('Zewditu Alemu', { birth: x }), named('Zewditu Alemu', { birth: y }), 'birth_date');

  it.each([
    // an exact date inside a range of the given width (in days)
    ['same_day', exact('1990-01-15'), W.birth.same_day],
    ['overlap_month', { earliest: '1990-01-01', latest: '1990-01-31' }, W.birth.overlap_month], // 31
    ['overlap_year', { earliest: '1990-01-01', latest: '1990-02-01' }, W.birth.overlap_year], // 32
    ['overlap_year', { earliest: '1989-02-01', latest: '1990-02-01' }, W.birth.overlap_year], // 366
    ['overlap_wide', { earliest: '1989-01-31', latest: '1990-02-01' }, W.birth.overlap_wide], // 367
    ['near', exact('1991-01-15'), W.birth.near],
    ['far', exact('1993-01-15'), W.birth.far],
  ])('%s against %j', (outcome, other, weight) => {
    expect(birth(exact('1990-01-15'), other)).toMatchObject({ outcome, weight });
  });

  it('weighs nothing when one side has no birth date', () => {
    expect(birth(exact('1990-01-15'), null)).toMatchObject({ outcome: 'unknown', weight: 0 });
  });
});

describe('scorePair: sex', () => {
  const sex = (x: EngineSex, y: EngineSex) => evidence(named('Abdi', { sex: x }), named('Abdi', { sex: y }), 'sex');

  it('weighs agreement and disagreement of a known sex', () => {
    expect(sex('female', 'female')).toEqual({ field: 'sex', outcome: 'agree', weight: W.sex.agree });
    expect(sex('male', 'male')).toEqual({ field: 'sex', outcome: 'agree', weight: W.sex.agree });
    expect(sex('male', 'female')).toEqual({ field: 'sex', outcome: 'disagree', weight: W.sex.disagree });
    expect(sex('female', 'male')).toEqual({ field: 'sex', outcome: 'disagree', weight: W.sex.disagree });
  });

  it.each([
    ['unknown', 'female'],
    ['male', 'unknown'],
    ['other', 'male'],
    ['female', 'other'],
    ['other', 'other'],
  ] as const)('weighs nothing for %s / %s', (x, y) => {
    expect(sex(x, y)).toEqual({ field: 'sex', outcome: 'unknown', weight: 0 });
  });

  it('brings a pair whose sex differs below the medium band', () => {
    const result = scorePair(named('Yusuf Haddad', { sex: 'male' }), named('Yusuf Haddad', { sex: 'female' }));
    expect(result.score).toBeCloseTo(logistic(W.prior + 2 * W.token.exact + W.sex.disagree), 10);
    expect(result.band).toBe('low');
  });
});

describe('scorePair: place of birth', () => {
  const place = (x: PersonForMatching['placeOfBirth'], y: PersonForMatching['placeOfBirth']) =>
    evidence(named('Yusuf', { placeOfBirth: x }), named('Yusuf', { placeOfBirth: y }), 'place_of_birth');

  it('agrees on a place name written in two scripts', () => {
    expect(place({ text: 'Kassala' }, { text: 'كسلا' })).toEqual({
      field: 'place_of_birth',
      outcome: 'agree',
      weight: W.place.agree,
      matches: [{ a: 'kassala', b: 'ksla', agreement: 'skeleton' }],
    });
  });

  it('lets an agreeing place name win over different countries', () => {
    expect(place({ text: 'Kharkiv', country: 'UA' }, { text: 'Харків', country: 'RU' })).toMatchObject({ outcome: 'agree' });
  });

  it('falls back to the countries when the place names do not meet or are missing', () => {
    expect(place({ text: 'Kharkiv', country: 'UA' }, { text: 'Lviv', country: 'UA' })).toEqual({
      field: 'place_of_birth',
      outcome: 'same_country',
      weight: W.place.same_country,
    });
    expect(place({ country: 'UA' }, { text: 'Aleppo', country: 'SY' })).toEqual({
      field: 'place_of_birth',
      outcome: 'other_country',
      weight: W.place.other_country,
    });
  });

  it('weighs two place names that do not meet a little against when the countries are not both known', () => {
    expect(place({ text: 'Kharkiv', country: 'UA' }, { text: 'Lviv' })).toEqual({
      field: 'place_of_birth',
      outcome: 'other_place',
      weight: W.place.other_place,
    });
  });

  it('weighs nothing when one side has no place name and the countries are not both known', () => {
    for (const [x, y] of [
      [{ text: 'Kharkiv' }, { text: null }],
      [{ text: null }, { text: 'Kharkiv' }],
      [{ text: 'Kharkiv', country: 'UA' }, null],
      [{ text: '' }, { text: 'Kharkiv', country: 'UA' }],
    ] as const) {
      expect(place(x, y)).toEqual({ field: 'place_of_birth', outcome: 'unknown', weight: 0 });
    }
  });
});

describe('scorePair: reciprocity', () => {
  const counterpart = (value: string) => named(value, { role: 'enquirer' });
  const reciprocity = (a: string[], b: string[]) =>
    evidence(named('Abdi Warsame'), named('Abdi Warsame'), 'reciprocity', {
      aCounterparts: a.map(counterpart),
      bCounterparts: b.map(counterpart),
    });

  it('needs counterparts on both sides', () => {
    expect(reciprocity([], ['Amina Warsame'])).toEqual({ field: 'reciprocity', outcome: 'unknown', weight: 0 });
    expect(reciprocity(['Amina Warsame'], [])).toEqual({ field: 'reciprocity', outcome: 'unknown', weight: 0 });
  });

  it('is not met by one shared token', () => {
    expect(reciprocity(['Amina Hassan'], ['Amina Warsame'])).toEqual({ field: 'reciprocity', outcome: 'none', weight: 0 });
    expect(reciprocity(['Amina'], ['Amina'])).toEqual({ field: 'reciprocity', outcome: 'none', weight: 0 });
  });

  it('is not met when a token conflicts, however many agree', () => {
    expect(reciprocity(['Amina Yusuf Warsame'], ['Amina Ali Warsame'])).toEqual({ field: 'reciprocity', outcome: 'none', weight: 0 });
  });

  it('is met by two agreeing tokens, an extra token allowed', () => {
    expect(reciprocity(['Amina Warsame'], ['Amina Warsame Yusuf'])).toEqual({
      field: 'reciprocity',
      outcome: 'agree',
      weight: W.reciprocity,
      matches: [
        { a: 'amina', b: 'amina', agreement: 'exact' },
        { a: 'warsame', b: 'warsame', agreement: 'exact' },
      ],
    });
  });

  it('explains the best-agreeing pair of counterparts, the first of equals', () => {
    expect(reciprocity(['Aminah Warsame', 'Amina Warsame'], ['Amina Warsame']).matches).toEqual([
      { a: 'amina', b: 'amina', agreement: 'exact' },
      { a: 'warsame', b: 'warsame', agreement: 'exact' },
    ]);
    // both meet "Amina Warsame Yusuf" on two exact tokens with one extra: equal weights
    expect(reciprocity(['Amina Warsame', 'Amina Yusuf'], ['Amina Warsame Yusuf']).matches).toEqual([
      { a: 'amina', b: 'amina', agreement: 'exact' },
      { a: 'warsame', b: 'warsame', agreement: 'exact' },
    ]);
  });
});

describe('bandOf', () => {
  it.each([
    [1, 'high'],
    [0.9, 'high'],
    [0.8999, 'medium'],
    [0.6, 'medium'],
    [0.5999, 'low'],
    [0, 'low'],
  ] as const)('%d is %s', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });
});

describe('alignTokens', () => {
  const tokens = (...words: string[]) => words.flatMap((word) => normaliseName(word).tokens);

  it('pairs the strongest agreements first, whatever the order of the tokens', () => {
    // rama / rina is a typo, rana / rina a skeleton agreement: rana gets rina
    expect(alignTokens(tokens('rama', 'rana'), tokens('rina'))).toEqual([{ a: 'rana', b: 'rina', agreement: 'skeleton' }]);
  });

  it('breaks ties between equal agreements by the tokens, not their order', () => {
    expect(alignTokens(tokens('rina', 'rana'), tokens('rona'))).toEqual([{ a: 'rana', b: 'rona', agreement: 'skeleton' }]);
    expect(alignTokens(tokens('rona'), tokens('rina', 'rana'))).toEqual([{ a: 'rona', b: 'rana', agreement: 'skeleton' }]);
  });

  it('uses each token once and leaves out what does not agree', () => {
    expect(alignTokens(tokens('yusuf', 'karim'), tokens('youssef', 'yousef'))).toEqual([
      { a: 'yusuf', b: 'yousef', agreement: 'equivalent' },
    ]);
  });

  it('keeps only the agreements the caller accepts', () => {
    expect(alignTokens(tokens('rana'), tokens('rama'))).toEqual([{ a: 'rana', b: 'rama', agreement: 'typo' }]);
    expect(alignTokens(tokens('rana'), tokens('rama'), (agreement) => agreement !== 'typo')).toEqual([]);
  });
});

describe('personTokens through scorePair', () => {
  it.each(['given', 'family', 'alias', 'nickname', 'full'] as const)('counts a %s name as the person’s own', (part: EngineNamePart) => {
    const a = person({ names: [{ value: 'Yusuf', part }] });
    expect(evidence(a, named('Yusuf'), 'names')).toMatchObject({ outcome: 'agree', weight: W.token.exact });
  });
});
