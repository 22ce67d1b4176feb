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

/** Whether two Arabic-script letters are one, or of one shape (a dot or a hamza apart). */
export function sameShape(x: string, y: string): boolean {
  return x === y || (SHAPE.get(x) !== undefined && SHAPE.get(x) === SHAPE.get(y));
}

/**
 * Final letters that spellings of one name disagree on by convention, not by a slip: Egypt and Sudan
 * write a final ي as ى (عيسى / عيسي), and a final ة is often written ه (جمعة / جمعه).
 */
const FINAL_CONVENTIONS: ReadonlySet<string> = new Set(['يى', 'ىي', 'ةه', 'هة']);

/**
 * A dotless ى inside a word: Arabic writes ى only at a word's end (Persian and Urdu write ی, dotted
 * inside a word), so a medial ى is a tooth whose dots were not seen (ي, ن, ب, ت or ث), a letter
 * left unread rather than misread as another.
 */
const unreadTooth = (word: string, at: number): boolean => word[at] === 'ى' && at < word.length - 1;

/**
 * How many letters of one shape two Arabic-script words of one length differ by (a final ى / ي or
 * ة / ه counts none, nor a medial ى against a tooth with dots), or undefined when they differ otherwise.
 * One letter read as the same other letter wherever it stands is one misreading, not one per place
 * (بلبل / تلتل): a writer dots a letter alike each time, so a reader who takes their ب for ت does so
 * at every ب.
 */
export function dotSlips(a: string, b: string): number | undefined {
  if (a.length !== b.length) return undefined;
  const misreadings = new Set<string>();
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] === b[i]) continue;
    const shape = SHAPE.get(a[i]);
    if (shape === undefined || shape !== SHAPE.get(b[i])) return undefined;
    if (i === a.length - 1 && FINAL_CONVENTIONS.has(a[i] + b[i])) continue;
    if (unreadTooth(a, i) || unreadTooth(b, i)) continue;
    misreadings.add(a[i] + b[i]);
  }
  return misreadings.size;
}

/** Whether two Arabic-script words are one letter apart, and those two letters of one shape. */
export function oneDotApart(a: string, b: string): boolean {
  return a !== b && (dotSlips(a, b) ?? 2) <= 1;
}

/**
 * Whether two Arabic-script words are one name misread: one dot missed or misread, or two in a word
 * of five letters or more. Four-letter words two dots apart are often two names (بشار / يسار).
 */
export function dotsMisread(a: string, b: string): boolean {
  if (a === b) return false;
  const slips = dotSlips(a, b);
  return slips !== undefined && (slips <= 1 || (slips === 2 && a.length >= 5));
}
