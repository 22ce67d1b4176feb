/**
 * Greek: ELOT 743 / ISO 843 type 2 (transcription), simplified: accents and diaeresis are dropped, η ι υ-digraphs
 * collapse to i, αυ/ευ/ηυ read av/ev/iv (af/ef/if before a voiceless consonant or at word end), μπ/ντ/γκ read
 * b/d/g at word start and mb/nt/ng inside a word.
 */
import { isWordStart } from './word.js';

// prettier-ignore
const LETTERS: Readonly<Record<string, string>> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n',
  ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/** Two-vowel digraphs; they hold only when the first vowel is unaccented and the second has no diaeresis. */
const VOWEL_PAIRS: Readonly<Record<string, string>> = { αι: 'ai', ει: 'i', οι: 'i', ου: 'ou' };
/** α/ε/η followed by υ: v, or f before a voiceless consonant or at the end of the word. */
const U_DIPHTHONGS: Readonly<Record<string, string>> = { α: 'a', ε: 'e', η: 'i' };
const VOICELESS = new Set(['θ', 'κ', 'ξ', 'π', 'σ', 'ς', 'τ', 'φ', 'χ', 'ψ']);
/** Consonant pairs: [at word start, inside a word]. */
// prettier-ignore
const CONSONANT_PAIRS: Readonly<Record<string, readonly [string, string]>> = {
  μπ: ['b', 'mb'], ντ: ['d', 'nt'], γκ: ['g', 'ng'], γγ: ['ng', 'ng'], γξ: ['nx', 'nx'], γχ: ['nch', 'nch'],
};

interface GreekLetter {
  base: string;
  accented: boolean;
  diaeresis: boolean;
}

function decompose(ch: string | undefined): GreekLetter | undefined {
  if (ch === undefined) return undefined;
  const parts = ch.normalize('NFD');
  const base = parts[0];
  if (!Object.hasOwn(LETTERS, base)) return undefined;
  return { base, accented: parts.length > 1 && !parts.endsWith('\u0308'), diaeresis: parts.includes('\u0308') };
}

/** Transliterates the Greek letters of lowercase NFC text; other characters pass through. */
export function greekToLatin(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const letter = decompose(chars[i]);
    if (letter === undefined) {
      out += chars[i];
      continue;
    }
    const next = decompose(chars[i + 1]);
    const pair = next === undefined ? '' : letter.base + next.base;
    if (next !== undefined && !letter.accented && !next.diaeresis && Object.hasOwn(VOWEL_PAIRS, pair)) {
      out += VOWEL_PAIRS[pair];
      i++;
    } else if (next?.base === 'υ' && !letter.accented && !next.diaeresis && Object.hasOwn(U_DIPHTHONGS, letter.base)) {
      const after = decompose(chars[i + 2]);
      out += U_DIPHTHONGS[letter.base] + (after === undefined || VOICELESS.has(after.base) ? 'f' : 'v');
      i++;
    } else if (Object.hasOwn(CONSONANT_PAIRS, pair)) {
      out += CONSONANT_PAIRS[pair][isWordStart(chars, i) ? 0 : 1];
      i++;
    } else {
      out += LETTERS[letter.base];
    }
  }
  return out;
}
