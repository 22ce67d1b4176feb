/** Apostrophe-like characters: dropped from the output, and never a word boundary (O'Brien, Мар'яна). */
export const APOSTROPHES: ReadonlySet<string> = new Set(["'", '\u2018', '\u2019', '\u02BC', '`']);

const LETTER = /\p{L}/u;
// Combining marks, Arabic tatweel, zero-width (non-)joiners: looked through when finding the previous letter.
const TRANSPARENT = /[\p{M}\u0640\u200C\u200D]/u;

/** True when no letter precedes `chars[index]` in its word (marks and apostrophes are looked through). */
export function isWordStart(chars: readonly string[], index: number): boolean {
  for (let j = index - 1; j >= 0; j--) {
    const previous = chars[j];
    if (TRANSPARENT.test(previous) || APOSTROPHES.has(previous)) continue;
    return !LETTER.test(previous);
  }
  return true;
}
