import fc from 'fast-check';
import type { PersonForMatching } from './person-for-matching.js';
import { scorePair } from './score-pair.js';

let next = 0;
function person(overrides: Partial<PersonForMatching> & Pick<PersonForMatching, 'names'>): PersonForMatching {
  next += 1;
  return { id: `p${String(next).padStart(4, '0')}`, role: 'sought', sex: 'unknown', birth: null, ...overrides };
}
const full = (value: string) => ({ value, part: 'full' as const });

describe('scorePair', () => {
  it('scores one person recorded in Arabic and in Latin, in another order, high', () => {
    const a = person({
      names: [
        { value: 'يوسف', part: 'given' },
        { value: 'الحسن', part: 'family' },
      ],
      sex: 'male',
      birth: { earliest: '2009-03-02', latest: '2010-03-01' },
    });
    const b = person({ names: [full('Al-Hassan Youssef')], sex: 'male', birth: { earliest: '2009-01-01', latest: '2009-12-31' } });
    const result = scorePair(a, b);
    expect(result.band).toBe('high');
    const names = result.evidence.find((e) => e.field === 'names')!;
    expect(names.outcome).toBe('agree');
    expect(names.matches!.map((m) => m.agreement)).toEqual(['equivalent', 'equivalent']);
  });

  it('explains cross-script equivalents, nicknames and typos', () => {
    const result = scorePair(person({ names: [full('Олександр Коваленко')] }), person({ names: [full('Sasha Kovalenko')] }));
    const agreements = result.evidence.find((e) => e.field === 'names')!.matches!.map((m) => m.agreement);
    expect(agreements).toEqual(expect.arrayContaining(['nickname', 'exact']));
    const typo = scorePair(person({ names: [full('Mohammed Abdelkader')] }), person({ names: [full('Mohammed Abdelkadir')] }));
    expect(typo.evidence.find((e) => e.field === 'names')!.outcome).toBe('agree');
  });

  it.each([
    // a particle written glued to the name (decision 0027)
    ['Odin de Vos', 'Odin deVos'],
    // two slips of a Cyrillic keyboard: Є typed as Е, в for its neighbour а
    ['Марта Добромирівна Євпак', 'Марта Добромирівна Еапак'],
    // a medial ى is a tooth whose dots were not seen, beside one misread dot
    ['دليل منير الأمين', 'دليل متىر الأمين'],
    // one slip that also sounds alike, twice
    ['Aleya Jasim Sahl', 'Aleya Jazim Salh'],
  ])('scores one person recorded with slips of how names are written over the review threshold: %s / %s', (a, b) => {
    expect(scorePair(person({ names: [full(a)] }), person({ names: [full(b)] })).score).toBeGreaterThanOrEqual(0.6);
  });

  it.each([
    // another first letter of an Arabic name: Ahsan / Muhsin
    ['روزینہ احسن مسود خان', 'روزینہ محسن مسود خاث'],
    // another Latin given name of one family
    ['Mélodie Remy', 'Élodie Remy'],
    // two Arabic names that begin alike
    ['بوزيان رأفت', 'بوزيان رافع'],
    // two Vietnamese family names
    ['Trịnh Phi Khanh', 'Tran Phi Khanh'],
  ])('keeps two names that differ where writers do not slip under the review threshold: %s / %s', (a, b) => {
    expect(scorePair(person({ names: [full(a)] }), person({ names: [full(b)] })).score).toBeLessThan(0.6);
  });

  it('keeps people who only share a surname apart', () => {
    const result = scorePair(
      person({ names: [full('Fatima Haddad')], sex: 'female' }),
      person({ names: [full('Karim Haddad')], sex: 'male' }),
    );
    expect(result.band).toBe('low');
  });

  it('tells known different names apart even when their consonants agree', () => {
    const result = scorePair(person({ names: [full('Ahmed Ali Hassan')] }), person({ names: [full('Ahmed Ali Hussein')] }));
    const names = result.evidence.find((e) => e.field === 'names')!;
    expect(names.outcome).toBe('partial');
    expect(names.matches!.map((m) => m.b)).not.toContain('hussein');
    const same = scorePair(person({ names: [full('Ahmed Ali Hassan')] }), person({ names: [full('أحمد علي حسن')] }));
    expect(same.score).toBeGreaterThan(result.score);
  });

  it('keeps the Vietnamese family names Lê and Đỗ apart, with or without accents', () => {
    const names = (x: string, y: string) => scorePair(person({ names: [full(x)] }), person({ names: [full(y)] })).evidence[0];
    const le = names('Lê Sĩ Hoàng', 'Do Si Hoang');
    expect(le.outcome).toBe('partial');
    expect(le.unmatched).toBe(1);
    const same = names('Lê Sĩ Hoàng', 'Le Si Hoang');
    expect(same.outcome).toBe('agree');
    expect(same.matches!.map((m) => `${m.a}/${m.b}:${m.agreement}`).sort()).toEqual(['hoang/hoang:exact', 'le/le:exact', 'si/si:exact']);
    expect(names('Đỗ Sĩ Hoàng', 'Do Si Hoang').outcome).toBe('agree');
  });

  it('compares places of birth as text across scripts, and countries when that is all there is', () => {
    const names = [full('Oksana Melnyk')];
    const place = (text: string | null, country: string | null = null) => person({ names, placeOfBirth: { text, country } });
    const agree = scorePair(place('Kharkiv'), place('Харків')).evidence.find((e) => e.field === 'place_of_birth')!;
    expect(agree.outcome).toBe('agree');
    expect(agree.weight).toBeGreaterThan(0);
    const apart = scorePair(place('Kharkiv'), place('Lviv')).evidence.find((e) => e.field === 'place_of_birth')!;
    expect(apart.outcome).toBe('other_place');
    expect(apart.weight).toBeLessThan(0);
    const countries = scorePair(place(null, 'UA'), place('Kyiv', 'UA')).evidence.find((e) => e.field === 'place_of_birth')!;
    expect(countries.outcome).toBe('same_country');
    expect(scorePair(place(null), place('Kyiv')).evidence.find((e) => e.field === 'place_of_birth')!.weight).toBe(0);
  });

  it('pairs a name written as one with the same name written as two, in either script', () => {
    for (const [x, y] of [
      ['Ekubay Woldegebriel', 'ዑቅባይ ወልደ ገብርኤል'],
      ['Mohamed Ali Hassan', 'Mohamedali Hassan'],
    ]) {
      const names = scorePair(person({ names: [full(x)] }), person({ names: [full(y)] })).evidence.find((e) => e.field === 'names')!;
      expect(names.outcome).toBe('agree');
      expect(names.matches!.map((m) => m.agreement)).toContain('joined');
      expect(names.extra).toBe(0);
    }
  });

  it('takes an exact date inside a year-only one as agreement on the year, no sharper', () => {
    const names = [full('Zewditu Alemu')];
    const result = scorePair(
      person({ names, birth: { earliest: '1981-12-11', latest: '1981-12-11' } }),
      person({ names, birth: { earliest: '1981-01-01', latest: '1981-12-31' } }),
    );
    expect(result.evidence.find((e) => e.field === 'birth_date')!.outcome).toBe('overlap_year');
  });

  it('counts a missing birth date, sex or place neither for nor against', () => {
    const names = [full('Tesfay Gebremedhin')];
    const bare = scorePair(person({ names }), person({ names }));
    for (const field of ['birth_date', 'sex', 'place_of_birth']) {
      expect(bare.evidence.find((e) => e.field === field)).toMatchObject({ outcome: 'unknown', weight: 0 });
    }
  });

  it('lowers the score when birth dates are decades apart', () => {
    const names = [full('Ermias Tesfay')];
    const near = scorePair(
      person({ names, birth: { earliest: '1990-01-01', latest: '1990-12-31' } }),
      person({ names, birth: { earliest: '1990-06-01', latest: '1990-06-01' } }),
    );
    const far = scorePair(
      person({ names, birth: { earliest: '1950-01-01', latest: '1950-12-31' } }),
      person({ names, birth: { earliest: '1990-06-01', latest: '1990-06-01' } }),
    );
    expect(far.score).toBeLessThan(near.score);
  });

  it('names the pair of roles', () => {
    expect(scorePair(person({ names: [full('Ali')], role: 'enquirer' }), person({ names: [full('Ali')] })).roles).toBe('enquirer:sought');
  });

  it('is symmetric and stays within 0..1, whatever the names', () => {
    const name = fc.constantFrom('Mohammed Ali', 'محمد علي', 'Мухаммед Али', 'Yusuf', 'ዮሴፍ', 'Fatima Haddad', '', 'Abd al-Rahman', 'x');
    fc.assert(
      fc.property(name, name, (x, y) => {
        const a = person({ names: [full(x)] });
        const b = person({ names: [full(y)] });
        const ab = scorePair(a, b);
        expect(ab).toEqual(scorePair(b, a));
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('adds reciprocity when the other sides of the two requests meet too (A seeks B while B seeks A)', () => {
    const mother = person({ names: [full('Amina Yusuf Warsame')], role: 'enquirer' });
    const son = person({ names: [full('Abdi Warsame')] });
    const sonAsEnquirer = person({ names: [full('Cabdi Warsame')], role: 'enquirer' });
    const motherSought = person({ names: [full('Amina Warsame')] });
    const withContext = scorePair(son, sonAsEnquirer, { aCounterparts: [mother], bCounterparts: [motherSought] });
    const without = scorePair(son, sonAsEnquirer);
    expect(withContext.evidence.find((e) => e.field === 'reciprocity')).toMatchObject({ outcome: 'agree', weight: 3 });
    expect(without.evidence.find((e) => e.field === 'reciprocity')).toMatchObject({ outcome: 'unknown', weight: 0 });
    expect(withContext.score).toBeGreaterThan(without.score);
    expect(scorePair(sonAsEnquirer, son, { aCounterparts: [motherSought], bCounterparts: [mother] })).toEqual(withContext);
  });
});
