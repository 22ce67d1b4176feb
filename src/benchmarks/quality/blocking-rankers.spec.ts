import { rankAll } from './blocking-rankers.js';

describe('rankAll', () => {
  // b shares two common metaphone codes; a shares one rare pair of names.
  const rows = [
    { personId: 'b', key: 'm:MHMT', held: 600 },
    { personId: 'b', key: 'x:moha', held: 500 },
    { personId: 'a', key: 'p:cmuhammad|shsn', held: 3 },
    { personId: 'c', key: 'm:MHMT', held: 600 },
    { personId: 'c', key: 'x:moha', held: 500 },
  ];

  it('ranks by shared-key count first under count, ties by id', () => {
    expect(rankAll(rows).get('count')).toEqual(['b', 'c', 'a']);
  });

  it('ranks the rare pair first as the service does', () => {
    expect(rankAll(rows).get('service')).toEqual(['a', 'b', 'c']);
  });
});
