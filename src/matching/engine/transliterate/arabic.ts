/**
 * Arabic script (Arabic, Persian/Dari, Pashto, Urdu, Kurdish Sorani): a simplified, diacritic-free form of
 * common English-language practice, close to UNGEGN/BGN-PCGN without diacritics.
 * Short vowels are usually not written, so unvowelled names come out consonant-heavy (محمد → mhmd, فاطمة → fatma);
 * when harakat are present they are used (fatha a, kasra i, damma u, shadda doubles, sukun and tanween nothing).
 */
import { isWordStart } from './word.js';

/** Consonants with one reading. ع is handled apart (see `ain`). */
// prettier-ignore
const CONSONANTS: Readonly<Record<string, string>> = {
  ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh',
  ص: 's', ض: 'd', ط: 't', ظ: 'z', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h',
  // Persian / Dari
  پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ک: 'k',
  // Urdu
  ٹ: 't', ڈ: 'd', ڑ: 'r', ں: 'n', ھ: 'h', ہ: 'h',
  // Pashto
  ټ: 't', ډ: 'd', ړ: 'r', ږ: 'zh', ښ: 'sh', ګ: 'g', ڼ: 'n', ځ: 'dz', څ: 'ts',
  // Kurdish Sorani
  ڕ: 'r', ڵ: 'l', ڤ: 'v',
};

/** Letters read as a vowel, whatever surrounds them. */
// prettier-ignore
const VOWEL_LETTERS: Readonly<Record<string, string>> = {
  ا: 'a', آ: 'a', ٱ: 'a', ى: 'a', ة: 'a', ۃ: 'a', ے: 'e', ۓ: 'e', ې: 'e', ۍ: 'ai', ۆ: 'o', ێ: 'e', ە: 'e',
  // Hamza and its carriers: the carrier's vowel, or nothing when a haraka on it gives the vowel.
  أ: 'a', إ: 'i', ؤ: 'u', ئ: 'i', ء: '',
};
const HAMZA_CARRIERS = new Set(['ا', 'أ', 'إ', 'ٱ', 'ؤ', 'ئ', 'ء']);

/** و and ي (and Persian ی): a consonant at word start, after a vowel or under a haraka; else a long vowel. */
// prettier-ignore
const GLIDES: Readonly<Record<string, readonly [consonant: string, vowel: string]>> = {
  و: ['w', 'u'], ي: ['y', 'i'], ی: ['y', 'i'],
};

const HARAKAT: Readonly<Record<string, string>> = { '\u064E': 'a', '\u064F': 'u', '\u0650': 'i', '\u0670': 'a' };
const SHADDA = '\u0651';
const TATWEEL = '\u0640';
const isArabicMark = (ch: string): boolean => ch === TATWEEL || (ch >= '\u064B' && ch <= '\u065F') || ch === '\u0670';
const isVowel = (ch: string | undefined): boolean => ch !== undefined && 'aeiou'.includes(ch);
const isArabicLetter = (ch: string): boolean =>
  Object.hasOwn(CONSONANTS, ch) || Object.hasOwn(VOWEL_LETTERS, ch) || Object.hasOwn(GLIDES, ch) || ch === 'ع';

/** Arabic-Indic (U+0660–0669) and Extended Arabic-Indic (Persian, U+06F0–06F9) digits as ASCII digits. */
function digit(ch: string): string | undefined {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return undefined;
}

/** ع is dropped, except at word start before a consonant, where it stands for the unwritten 'a' (عبد → abd, علي → ali). */
function ain(chars: readonly string[], next: number, wordStart: boolean, vowelled: boolean): string {
  if (!wordStart || vowelled) return '';
  const following = chars[next];
  return following !== undefined && (Object.hasOwn(CONSONANTS, following) || following === 'ع') ? 'a' : '';
}

/** Transliterates the Arabic-script letters, harakat and digits of lowercase NFC text; other characters pass through. */
export function arabicToLatin(text: string): string {
  const chars = [...text];
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i];
    if (!isArabicLetter(ch)) {
      out += isArabicMark(ch) ? '' : (digit(ch) ?? ch);
      i++;
      continue;
    }
    if (isArticle(chars, i)) {
      out += 'al-';
      i += 2;
      continue;
    }
    // The marks on this letter (NFC puts fatha/damma/kasra before shadda, so read them as a group).
    let next = i + 1;
    while (next < chars.length && isArabicMark(chars[next])) next++;
    const marks = chars.slice(i + 1, next);
    const vowel = marks.map((mark) => HARAKAT[mark] ?? '').join('');
    const doubled = marks.includes(SHADDA);
    const wordStart = isWordStart(chars, i);

    let consonant = '';
    let letter = '';
    if (Object.hasOwn(CONSONANTS, ch)) consonant = CONSONANTS[ch];
    else if (ch === 'ع') letter = ain(chars, next, wordStart, vowel !== '');
    else if (Object.hasOwn(GLIDES, ch)) {
      const [asConsonant, asVowel] = GLIDES[ch];
      if (wordStart || vowel !== '' || doubled) consonant = asConsonant;
      else if (out.endsWith(asVowel) && vowelledBefore(chars, i)) letter = '';
      else if (isVowel(out.at(-1))) consonant = asConsonant;
      else letter = asVowel;
    } else if (!(HAMZA_CARRIERS.has(ch) && vowel !== '')) letter = VOWEL_LETTERS[ch];
    // A long vowel after the same short vowel is written once (فَاطِمَة → fatima, not faatimaa).
    if (letter.length === 1 && out.endsWith(letter) && vowelledBefore(chars, i)) letter = '';

    out += consonant + letter + (doubled ? consonant : '') + vowel;
    i = next;
  }
  return out;
}

/**
 * The article ال at the start of a word, written apart as "al-" so that it becomes a particle: only
 * this spelling is the article (علي gives "ali", which must keep its letters). الله stays whole.
 */
function isArticle(chars: readonly string[], index: number): boolean {
  if (!(chars[index] === 'ا' || chars[index] === 'ٱ') || chars[index + 1] !== 'ل' || !isWordStart(chars, index)) return false;
  let rest = '';
  for (let j = index + 2; j < chars.length && (isArabicLetter(chars[j]) || isArabicMark(chars[j])); j++)
    if (isArabicLetter(chars[j])) rest += chars[j];
  return rest.length >= 2 && rest !== 'له';
}

/** Whether the previous Arabic letter carried a haraka, i.e. the output ends with a written short vowel. */
function vowelledBefore(chars: readonly string[], index: number): boolean {
  for (let j = index - 1; j >= 0 && isArabicMark(chars[j]); j--) if (Object.hasOwn(HARAKAT, chars[j])) return true;
  return false;
}
