import { transliterate } from './transliterate.js';

describe("transliterate: Ge'ez / Ethiopic", () => {
  it.each([
    ['ሰላም', 'selam'],
    ['ዮሴፍ', 'yosef'],
    ['ኤርሚያስ', 'ermiyas'],
    ['ሃይለ', 'hayle'],
    ['ገብረ', 'gebre'],
    ['ተስፋይ', 'tesfay'],
    ['ዮሃንስ', 'yohans'],
    ['ሀብቶም', 'habtom'],
    ['አበበ', 'abebe'],
    ['እዮብ', 'eyob'],
    ['ቐለ', 'qhele'],
    ['ጓል', 'gwal'],
    ['ሙሉጌታ', 'mulugeta'],
    ['ፀጋይ ሽሻይ', 'tsegay shshay'],
    ['ኣብርሃም፡ተኽለ', 'abrham tekhle'],
    ['ዮሴፍ።', 'yosef'],
    ['ሰላም፣ ዮሴፍ', 'selam yosef'],
    ['፲፱', ''],
  ])('%s → %s', (input, expected) => {
    expect(transliterate(input)).toBe(expected);
  });
});
