/**
 * Latin: the last step for every script. Diacritics are stripped by canonical decomposition (NFD) and removal of
 * combining marks (é → e, ş → s, ệ → e, ư → u); letters that do not decompose get the usual ASCII spelling
 * (ß ss, đ d, ø o, æ ae, œ oe, ı i, ł l, þ th, ŋ ng, ə e, ɛ e, ɔ o). Apostrophes are dropped, dashes become '-',
 * other punctuation, symbols and whitespace separate words; anything else unmapped is dropped.
 */
import { APOSTROPHES } from './word.js';

// prettier-ignore
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss', đ: 'd', ð: 'd', ø: 'o', æ: 'ae', œ: 'oe', ı: 'i', ł: 'l', þ: 'th', ŋ: 'ng', ħ: 'h', ŧ: 't',
  ə: 'e', ɛ: 'e', ɔ: 'o', ɓ: 'b', ɗ: 'd', ƙ: 'k', ƴ: 'y', ĸ: 'q',
};

const KEPT = /^[a-z0-9]$/;
const DASH = /^\p{Pd}$/u;
const SEPARATOR = /^[\s\p{Z}\p{P}\p{Sm}\p{Sc}\p{So}]$/u;
const MARK = /^\p{M}$/u;

/** Folds text to lowercase ASCII letters, digits, single spaces and hyphens, trimmed. */
export function latinToAscii(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase().normalize('NFD')) {
    if (KEPT.test(ch)) out += ch;
    else if (Object.hasOwn(SPECIAL_LETTERS, ch)) out += SPECIAL_LETTERS[ch];
    else if (MARK.test(ch) || APOSTROPHES.has(ch)) continue;
    else if (DASH.test(ch)) out += '-';
    else if (SEPARATOR.test(ch)) out += ' ';
  }
  return out.replace(/ {2,}/g, ' ').trim();
}
