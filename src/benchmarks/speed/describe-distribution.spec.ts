import { describeDistribution } from './describe-distribution.js';

describe('the generator’s distribution', () => {
  const summary = describeDistribution(1, 30_000);

  it('has a heavy head: the ten most frequent names are carried by a large minority of records', () => {
    expect(summary.topNames).toHaveLength(10);
    expect(summary.topTenShare).toBeGreaterThan(0.2);
    expect(summary.topTenShare).toBeLessThan(0.5);
    expect(summary.topNames[0].name).toMatch(/^Mohammed \(arabic male\)$/);
    const shares = summary.topNames.map((n) => n.share);
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
  });

  it('has a long tail of rarer names', () => {
    expect(summary.distinctNames).toBeGreaterThan(5000);
  });

  it('has true-match groups of two and three records beside single records', () => {
    const { groupsBySize } = summary;
    expect(groupsBySize['1']).toBeGreaterThan(groupsBySize['2']);
    expect(groupsBySize['2']).toBeGreaterThan(groupsBySize['3']);
    expect(summary.shareWithTrueMatch).toBeGreaterThan(0.3);
    expect(summary.shareWithTrueMatch).toBeLessThan(0.45);
  });

  it('mixes cultures, scripts and typos in the documented proportions', () => {
    const total = Object.values(summary.cultures).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 2);
    expect(summary.cultures.arabic).toBeCloseTo(0.24, 1);
    expect(summary.nativeScriptShare).toBeGreaterThan(0.35);
    expect(summary.nativeScriptShare).toBeLessThan(0.6);
    expect(summary.typoShare).toBeGreaterThan(0.05);
    expect(summary.typoShare).toBeLessThan(0.12);
    expect(summary.findableEnquirerShare).toBeCloseTo(0.7, 1);
  });
});
