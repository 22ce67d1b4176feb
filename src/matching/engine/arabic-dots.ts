/**
 * Arabic-script letters that share one shape and differ only by their dots (ب ت ث ن ي, ج ح خ, د ذ,
 * ر ز, س ش, ص ض, ط ظ, ع غ, ف ق, ه ة) or by a hamza or a Persian stroke (ا أ إ آ, ك ک گ). A dot
 * missed or misread is the commonest slip in handwritten and scanned Arabic-script records, and
 * transliteration makes it look like another consonant (ربيع rbi / رتيع rti).
 */
// prettier-ignore
const SHAPES: readonly string[] = [
  'بتثنيىئیپ', 'جحخچ', 'دذ', 'رزژ', 'سش', 'صض', 'طظ', 'عغ', 'فقڤ', 'كکگ', 'هةۃہ', 'اأإآٱ', 'وؤ',
];
const SHAPE = new Map<string, number>(SHAPES.flatMap((letters, shape) => [...letters].map((letter): [string, number] => [letter, shape])));

/** Letters of an Arabic-script word without harakat, tatweel or a leading article, or undefined for another word. */
export function arabicLetters(word: string): string | undefined {
  const letters = word.replace(/[\u064B-\u065F\u0670\u0640\u200C\u200D]/g, '');
  if (!/^\p{Script=Arabic}+$/u.test(letters)) return undefined;
  return letters.startsWith('ال') && letters.length > 3 ? letters.slice(2) : letters;
}

/** Whether two Arabic-script words are one letter apart, and those two letters of one shape. */
export function oneDotApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let slips = 0;
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] === b[i]) continue;
    const shape = SHAPE.get(a[i]);
    if (shape === undefined || shape !== SHAPE.get(b[i]) || ++slips > 1) return false;
  }
  return true;
}
