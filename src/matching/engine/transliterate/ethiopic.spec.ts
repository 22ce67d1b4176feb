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
    // one syllable of each row (fourth order, a)
    ['ሃ ሓ ሣ ሳ ሻ ቋ ቛ ቫ ቻ ኃ ኋ ኛ ካ ኳ ኻ ዃ', 'ha ha sa sa sha qwa qhwa va cha ha hwa nya ka kwa kha khwa'],
    ['ዓ ዛ ዣ ዳ ዻ ጃ ጋ ጓ ጛ ጣ ጫ ጳ ጻ ፃ ፓ', 'a za zha da da ja ga gwa nga ta cha pa tsa tsa pa'],
    ['ዐ ዕ', 'a e'],
    ['ፘ ፙ ፚ', 'rya mya fya'],
    // Ethiopic punctuation, U+1361 to U+1368, separates words; numerals are dropped
    ['ሰላም፨ዮሴፍ', 'selam yosef'],
    ['ሰላም፩', 'selam'],
  ])('%s → %s', (input, expected) => {
    expect(transliterate(input)).toBe(expected);
  });
});
