/**
 * How records drop letters that are not plain ASCII. Unicode decomposition removes accents (é → e, ş → s); a few
 * letters are not decomposable or have their own convention, listed per community (German ä → ae as in passports,
 * Serbo-Croatian đ → dj, Turkish dotless ı → i, Azerbaijani ə → e, Vietnamese đ → d).
 */
export type FoldingStyle = 'plain' | 'german' | 'south-slavic' | 'turkic' | 'vietnamese';

const special: Record<FoldingStyle, Record<string, string>> = {
  plain: { ß: 'ss', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'Ae', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i' },
  german: { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' },
  'south-slavic': { đ: 'dj', Đ: 'Dj' },
  turkic: { ı: 'i', İ: 'I', ə: 'e', Ə: 'E' },
  vietnamese: { đ: 'd', Đ: 'D' },
};

export function foldToAscii(text: string, style: FoldingStyle = 'plain'): string {
  let out = '';
  for (const char of text) out += special[style][char] ?? special.plain[char] ?? char;
  return out.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Removes diacritics only (combining marks), keeping letters such as ı or đ: what a keyboard without dead keys does. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}
