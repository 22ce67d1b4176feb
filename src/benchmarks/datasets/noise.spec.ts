import { joinOrSplitCompound, particleVariant, scriptTypo } from './noise.js';
import { Prng } from './prng.js';
import { foldToAscii } from './sources/latin-folding.js';

describe('noise model', () => {
  const prng = new Prng(11);

  it('changes a name by a small edit in its own script', () => {
    for (const [name, script] of [
      ['Oleksandr Shevchenko', 'Latn'],
      ['محمد أحمد علي', 'Arab'],
      ['Олександр Шевченко', 'Cyrl'],
      ['ተስፋዬ ለማ', 'Ethi'],
    ] as const) {
      const changed = scriptTypo(name, script, prng);
      expect(changed).not.toBe(name);
      expect(changed.split(' ')).toHaveLength(name.split(' ').length);
    }
  });

  it("swaps Ge'ez homophones keeping the vowel order", () => {
    // ሐ (ḥa, first order) can only become ሀ or ኀ, first order too.
    const changed = scriptTypo('ሐ', 'Ethi', new Prng(1));
    expect(['ሀ', 'ኀ']).toContain(changed);
  });

  it('joins and splits compound names', () => {
    expect(joinOrSplitCompound('Abdul Rahman Ali', new Prng(2))).toBe('Abdulrahman Ali');
    expect(joinOrSplitCompound('Gebremedhin Tesfaye', new Prng(2))).toBe('Gebre Medhin Tesfaye');
    expect(joinOrSplitCompound('Olena Kovalenko', new Prng(2))).toBeNull();
  });

  it('varies the Arabic article and adds link words only in Arabic name chains', () => {
    const variant = particleVariant('Ahmed Ali Al-Masri', true, new Prng(5)) as string;
    expect(variant).toMatch(/Masri$/i);
    expect(variant).not.toBe('Ahmed Ali Al-Masri');
    expect(particleVariant('Olena Kovalenko', false, new Prng(5))).toBeNull();
  });

  it('folds letters the way records without diacritics do', () => {
    expect(foldToAscii('Nguyễn Văn Đức', 'vietnamese')).toBe('Nguyen Van Duc');
    expect(foldToAscii('Đorđević', 'south-slavic')).toBe('Djordjevic');
    expect(foldToAscii('Müller', 'german')).toBe('Mueller');
    expect(foldToAscii('Işık Şahin', 'turkic')).toBe('Isik Sahin');
  });
});
