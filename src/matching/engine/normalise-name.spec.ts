import fc from 'fast-check';
import { normaliseName } from './normalise-name.js';

const skeletons = (name: string) => normaliseName(name).tokens.map((t) => t.skeleton);
const classes = (name: string) => normaliseName(name).tokens.map((t) => t.nameClass?.classId);

describe('normaliseName', () => {
  it('keeps the original beside its Latin form', () => {
    const name = normaliseName('محمد');
    expect(name).toMatchObject({ original: 'محمد', scripts: ['Arab'], latin: 'mhmd' });
  });

  it.each([
    ['محمد', 'Mohammed'],
    ['Мухаммад', 'Muhammad'],
    ['يوسف', 'Youssef'],
    ['ዮሴፍ', 'Yosef'],
  ])('gives %s and %s the same consonant skeleton', (a, b) => {
    expect(skeletons(a)).toEqual(skeletons(b));
  });

  it.each([
    ['Олександр', 'Alexander'],
    ['Mehmet', 'محمد'],
    ['Youssef', 'Joseph'],
    ['Sasha', 'Oleksandr'],
  ])('puts %s and %s in one name class', (a, b) => {
    expect(classes(a)[0]).toBeDefined();
    expect(classes(a)).toEqual(classes(b));
  });

  it('brings Abdulrahman written together, apart and in Arabic to the same tokens', () => {
    expect(normaliseName('Abdulrahman').tokens.map((t) => t.token)).toEqual(['abd', 'rahman']);
    expect(normaliseName('Abd al-Rahman').tokens.map((t) => t.token)).toEqual(['abd', 'rahman']);
    expect(skeletons('عبد الرحمن')).toEqual(skeletons('Abdul Rahman'));
  });

  it('reports scripts, the Latin form and the particles set apart', () => {
    expect(normaliseName('Ahmed محمد')).toMatchObject({ scripts: ['Latn', 'Arab'], latin: 'ahmed mhmd', particles: [] });
    const name = normaliseName('Mohamed al-Hassan bin Elabed');
    expect(name).toMatchObject({
      original: 'Mohamed al-Hassan bin Elabed',
      latin: 'mohamed al-hassan bin elabed',
      particles: ['al', 'bin'],
    });
    expect(name.tokens.map((t) => t.token)).toEqual(['mohamed', 'hassan', 'elabed']);
  });

  it('gives each token its keys and class, and a bare form only when an article could be stripped', () => {
    const [mohamed, hassan, elabed] = normaliseName('Mohamed Hassan Elabed').tokens;
    expect(mohamed).toEqual({
      token: 'mohamed',
      metaphone: ['MHMT'],
      skeleton: 'mhmt',
      nameClass: { classId: 'muhammad', isNickname: false },
      typedInLatin: true,
    });
    expect(hassan).not.toHaveProperty('bare');
    expect(elabed).toEqual({
      token: 'elabed',
      metaphone: ['ALPT'],
      skeleton: 'lpt',
      typedInLatin: true,
      bare: { token: 'abed', metaphone: ['APT'], skeleton: 'pt', typedInLatin: true },
    });
    expect(normaliseName('Alhassan').tokens[0].bare).toEqual({
      token: 'hassan',
      metaphone: ['HSN'],
      skeleton: 'hsn',
      nameClass: { classId: 'hassan', isNickname: false },
      typedInLatin: true,
    });
  });

  it('marks tokens of a name written in Latin letters only as typed in Latin', () => {
    expect(normaliseName('Storozhuk').tokens[0].typedInLatin).toBe(true);
    expect(normaliseName('Сторожук').tokens[0]).not.toHaveProperty('typedInLatin');
    expect(normaliseName('محمد Ali').tokens.map((t) => t.typedInLatin)).toEqual([undefined, undefined]);
  });

  it('is deterministic and never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(normaliseName(text)).toEqual(normaliseName(text));
      }),
    );
  });

  it('keeps the Arabic letters of a token written as one Arabic word, and only then', () => {
    const arabic = (name: string) => Object.fromEntries(normaliseName(name).tokens.map((t) => [t.token, t.arabic]));
    expect(arabic('رفيق عطار الصيد')).toEqual({ rfiq: 'رفيق', atar: 'عطار', sid: 'صيد' });
    // punctuation between the words, and a compound that gives two tokens
    expect(arabic('رفيق، عبدالرحمن')).toEqual({ rfiq: 'رفيق', abd: undefined, rahman: undefined });
    expect(arabic('Rafik رفيق')).toEqual({ rafik: undefined, rfiq: 'رفيق' });
  });

  it('keeps the Cyrillic letters of a token of a name written in Cyrillic only, apostrophes inside a word kept in it', () => {
    const cyrillic = (name: string) => Object.fromEntries(normaliseName(name).tokens.map((t) => [t.token, t.cyrillic]));
    expect(cyrillic('Марта Євпак')).toEqual({ marta: 'марта', yevpak: 'євпак' });
    expect(cyrillic("Мар'яна Сушко")).toEqual({ maryana: 'маряна', sushko: 'сушко' });
    // a hyphen joins two written words into one Latin word: each is read on its own
    expect(cyrillic('Олена-Марія Сушко')).toEqual({ olena: 'олена', mariia: 'марія', sushko: 'сушко' });
    // a name in two scripts, or in Latin letters: its Latin letters are all there is
    expect(cyrillic('Марта Yevpak')).toEqual({ marta: undefined, yevpak: undefined });
    expect(cyrillic('Олена Ελένη')).toEqual({ olena: undefined, eleni: undefined });
    expect(cyrillic('Marta')).toEqual({ marta: undefined });
  });

  it('keeps the word as written of a token typed in Latin letters with marks, and of no other (decision 0030)', () => {
    const marked = (name: string) => Object.fromEntries(normaliseName(name).tokens.map((t) => [t.token, t.marked]));
    expect(marked('Miguel Ángel Gámez')).toEqual({ miguel: undefined, angel: 'ángel', gamez: 'gámez' });
    expect(marked('Nguyễn Đình Diệu')).toEqual({ nguyen: 'nguyễn', dinh: 'đình', dieu: 'diệu' });
    // a name in another script, or in two, keeps its letters elsewhere (arabic, cyrillic)
    expect(marked('Марта Євпак')).toEqual({ marta: undefined, yevpak: undefined });
    expect(marked('Gómez Гомес')).toEqual({ gomez: undefined, gomes: undefined });
  });

  it('marks every token of a name written with Vietnamese letters, and no other', () => {
    expect(normaliseName('Trần Thị An').tokens.map((t) => t.vietnamese)).toEqual([true, true, true]);
    expect(normaliseName('Tran Thi An').tokens.map((t) => t.vietnamese)).toEqual([undefined, undefined, undefined]);
  });

  it('sets a particle glued to the name it precedes apart (Odin deVos)', () => {
    expect(normaliseName('Odin deVos').tokens.map((t) => t.token)).toEqual(['odin', 'vos']);
    expect(normaliseName('Odin deVos').particles).toEqual(['de']);
  });

  it("gives a token written in Cyrillic its other readings of г, and one written in Ge'ez no guttural skeleton", () => {
    expect(normaliseName('Гришко').tokens[0].readings).toEqual(['hrsk']);
    expect(normaliseName('Grishko').tokens[0].readings).toBeUndefined();
    expect(normaliseName('Grishko').tokens[0].guttural).toBe('grsk');
  });

  it("marks tokens of a name written in Ge'ez letters only as typed in Ge'ez, and no token of a name in two scripts", () => {
    expect(normaliseName('ዮሐንስ').tokens.map((t) => t.typedInGeez)).toEqual([true]);
    expect(normaliseName('ዮሐንስ Smith').tokens.map((t) => t.typedInGeez)).toEqual([undefined, undefined]);
    expect(normaliseName('Yohannes').tokens.map((t) => t.typedInGeez)).toEqual([undefined]);
  });
});
