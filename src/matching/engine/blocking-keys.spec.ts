import type { PersonForMatching } from './person-for-matching.js';
import { blockingKeys } from './blocking-keys.js';

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
