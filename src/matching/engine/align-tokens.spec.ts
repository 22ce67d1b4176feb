import { agreeingPairs, alignTokens, joinLeftovers, pickGreedily } from './align-tokens.js';
import { normaliseName } from './normalise-name.js';

const tokens = (name: string) => normaliseName(name).tokens;
const reversed = (name: string) => [...tokens(name)].reverse();

/** What a list of pairs says, without the positions (which follow the order tokens were written in). */
const readable = (pairs: ReturnType<typeof agreeingPairs>) => pairs.map((p) => [p.ta.token, p.tb.token, p.agreement]);

describe('agreeingPairs', () => {
  it('lists the strongest agreements first', () => {
    expect(readable(agreeingPairs(tokens('Ali'), tokens('Aly Alli Ali')))).toEqual([
      ['ali', 'ali', 'exact'],
      ['ali', 'aly', 'equivalent'],
      ['ali', 'alli', 'phonetic'],
    ]);
  });

  it('orders equally strong agreements by their tokens, whatever order the names were written in', () => {
    const expected = [
      ['mohammed', 'mohamad', 'equivalent'],
      ['mohammed', 'muhammad', 'equivalent'],
    ];
    expect(readable(agreeingPairs(tokens('Mohammed'), tokens('Muhammad Mohamad')))).toEqual(expected);
    expect(readable(agreeingPairs(tokens('Mohammed'), tokens('Mohamad Muhammad')))).toEqual(expected);
    const swapped = expected.map(([a, b, agreement]) => [b, a, agreement]);
    expect(readable(agreeingPairs(tokens('Muhammad Mohamad'), tokens('Mohammed')))).toEqual(swapped);
    expect(readable(agreeingPairs(tokens('Mohamad Muhammad'), tokens('Mohammed')))).toEqual(swapped);
  });

  it('orders the copies of a word written twice by position', () => {
    const positions = (a: string, b: string) => agreeingPairs(tokens(a), tokens(b)).map((p) => [p.ia, p.ib]);
    expect(positions('Ahmed Ali Ahmed', 'Ahmed')).toEqual([
      [0, 0],
      [2, 0],
    ]);
    expect(positions('Ahmed', 'Ahmed Ali Ahmed')).toEqual([
      [0, 0],
      [0, 2],
    ]);
  });
});

describe('pickGreedily and alignTokens', () => {
  it('uses each token once, the strongest agreement first', () => {
    expect(alignTokens(tokens('Ali'), tokens('Aly Alli Ali'))).toEqual([{ a: 'ali', b: 'ali', agreement: 'exact' }]);
  });

  it('skips the agreements not accepted, and the positions already used', () => {
    expect(alignTokens(tokens('Ali'), tokens('Aly Alli Ali'), (agreement) => agreement !== 'exact')).toEqual([
      { a: 'ali', b: 'aly', agreement: 'equivalent' },
    ]);
    const pairs = agreeingPairs(tokens('Ali'), tokens('Aly Alli Ali'));
    expect(pickGreedily(pairs, () => true, new Set(), new Set([2, 0]))).toEqual([{ a: 'ali', b: 'alli', agreement: 'phonetic' }]);
    expect(pickGreedily(pairs, () => true, new Set([0]))).toEqual([]);
  });

  it('marks the positions it uses', () => {
    const usedA = new Set<number>();
    const usedB = new Set<number>();
    pickGreedily(agreeingPairs(tokens('Ahmed Ali'), tokens('Ali Omar Ahmed')), () => true, usedA, usedB);
    expect([...usedA].sort()).toEqual([0, 1]);
    expect([...usedB].sort()).toEqual([0, 2]);
  });
});

describe('joinLeftovers', () => {
  const join = (a: readonly ReturnType<typeof tokens>[number][], b: readonly ReturnType<typeof tokens>[number][]) => {
    const usedA = new Set<number>();
    const usedB = new Set<number>();
    const result = joinLeftovers(a, b, usedA, usedB);
    return { ...result, usedA: [...usedA].sort(), usedB: [...usedB].sort() };
  };

  it('pairs a name written together with its two parts written apart, on either side, and counts what each side merged', () => {
    expect(join(tokens('Amina'), tokens('Ami Na'))).toEqual({
      joins: [{ a: 'amina', b: 'ami+na', agreement: 'joined' }],
      mergedA: 0,
      mergedB: 1,
      usedA: [0],
      usedB: [0, 1],
    });
    expect(join(tokens('Ami Na'), tokens('Amina'))).toEqual({
      joins: [{ a: 'ami+na', b: 'amina', agreement: 'joined' }],
      mergedA: 1,
      mergedB: 0,
      usedA: [0, 1],
      usedB: [0],
    });
  });

  it('counts every join of a side', () => {
    const both = join(tokens('Aliomar Rahma'), tokens('Ali Umar Ra Hma'));
    expect(both.joins.map((j) => j.a)).toEqual(['aliomar', 'rahma']);
    expect([both.mergedA, both.mergedB]).toEqual([0, 2]);
    const oneEach = join(tokens('Ali Umar Rahma'), tokens('Aliomar Ra Hma'));
    expect([oneEach.mergedA, oneEach.mergedB]).toEqual([1, 1]);
  });

  it('reads the parts in either order', () => {
    expect(join(tokens('Umar Ali'), tokens('Aliomar')).joins).toEqual([{ a: 'ali+umar', b: 'aliomar', agreement: 'joined' }]);
  });

  it('takes parts spelt otherwise when their glued consonants are the whole name’s, from three consonants on', () => {
    // aliumar is not aliomar, but both read l-m-r
    expect(join(tokens('Aliomar'), tokens('Ali Umar')).joins).toHaveLength(1);
    // the parts' skeletons (wlt, jprl) do not simply concatenate to the whole's (wljprl)
    expect(join(tokens('Woldegebriel'), tokens('Wolde Gebreil')).joins).toEqual([
      { a: 'woldegebriel', b: 'wolde+gebreil', agreement: 'joined' },
    ]);
    // parts that begin and end as the whole does, but whose consonants between are others' (m-r against m-n-s-r)
    expect(join(tokens('Mansour'), tokens('Mo Omar')).joins).toEqual([]);
    // two consonants (m-r) are too few to tell a join from chance, unless the letters are the same
    expect(join(tokens('Omary'), tokens('Om Ari')).joins).toEqual([]);
    expect(join(tokens('Omari'), tokens('Om Ari')).joins).toHaveLength(1);
  });

  it('leaves a whole name shorter than five letters alone', () => {
    expect(join(tokens('Amin'), tokens('Am In')).joins).toEqual([]);
  });

  it('gives two whole names competing for the same parts the same join, whatever order they were written in', () => {
    const forward = join(tokens('Aliomar Aliumar'), tokens('Ali Umar'));
    const backward = join(reversed('Aliomar Aliumar'), tokens('Ali Umar'));
    expect(forward.joins).toEqual([{ a: 'aliomar', b: 'ali+umar', agreement: 'joined' }]);
    expect(backward.joins).toEqual(forward.joins);
    // the parts written the other way round join the same
    expect(join(tokens('Aliomar Aliumar'), reversed('Ali Umar')).joins).toEqual([{ a: 'aliomar', b: 'ali+umar', agreement: 'joined' }]);
  });

  it('leaves the positions already matched out', () => {
    expect(joinLeftovers(tokens('Amina'), tokens('Ami Na'), new Set(), new Set([1])).joins).toEqual([]);
    expect(joinLeftovers(tokens('Amina'), tokens('Ami Na'), new Set([0]), new Set()).joins).toEqual([]);
  });
});
