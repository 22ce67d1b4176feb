import { fromCsv, toCsv } from './csv.js';

describe('CSV', () => {
  it('round-trips fields that need quoting', () => {
    const rows = [
      ['Martens, Pola', 'She said "hi"', '1'],
      ['محمد أحمد علي', 'line\nbreak', '0'],
    ];
    const text = toCsv(['a', 'b', 'c'], rows);
    expect(text.split('\n')[1]).toBe('"Martens, Pola","She said ""hi""",1');
    expect(fromCsv(text).map((r) => [r.a, r.b, r.c])).toEqual(rows);
  });
});
