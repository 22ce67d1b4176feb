import { LRUCache } from 'lru-cache';
import { arabicLetters } from './arabic-dots.js';
import { arabicReadings } from './arabic-readings.js';
import { nameTokens, stripArticle, unglueParticles } from './name-tokens.js';
import { cyrillicGReadings, tokenKeys, type TokenKeys } from './phonetic-keys.js';
import { nameClassOf, type NameClassMatch } from './name-equivalence.js';
import { detectScripts, transliterate } from './transliterate/transliterate.js';
import { isWrittenVietnamese } from './vietnamese.js';

/** One spelling of a name token with everything it is known by. */
export interface TokenForm extends TokenKeys {
  token: string;
  nameClass?: NameClassMatch;
  /**
   * skeletons of the token under other readings of the letters it was written in: Cyrillic г as g
   * or h, Arabic ث ذ ض ظ as Persian, Turkish or Gulf spellings read them
   */
  readings?: readonly string[];
  /** for a token written in Arabic script as one word: its letters, article and harakat left out */
  arabic?: string;
  /**
   * for a token of a name written in Latin letters only: its slips are those of a Latin keyboard
   * and Latin letter shapes (typing-slips.ts), which say nothing of a name typed in another script
   */
  typedInLatin?: true;
  /** for a token of a name written in Ge'ez letters only, whose first letter is a whole syllable (written-forms.ts) */
  typedInGeez?: true;
  /**
   * for a token of a name written in Cyrillic letters only: the word as typed, lowercase, whose
   * slips are those of a Cyrillic keyboard (keyboards.ts) and are lost in its Latin letters
   */
  cyrillic?: string;
  /** for a token of a name written with Vietnamese letters (vietnamese.ts): a one-syllable word whose vowel is its identity */
  vietnamese?: true;
  /**
   * for a token of a name typed in Latin letters, when its word carries marks (Gámez, Diệu): the
   * word as written, lowercase, whose marked vowels say what the folded token no longer can
   */
  marked?: string;
}

/** One name token as the matcher compares it. */
export interface NormalisedToken extends TokenForm {
  /** the token without an article glued to it ("alnagar" → "nagar"), when it may carry one */
  bare?: TokenForm;
  /**
   * a number no other token made in this process has, which keys memos of comparisons
   * (token-similarity.ts); not enumerable, so tokens still compare by their content
   */
  readonly serial?: number;
}

/** A recorded name, kept as written, beside the forms the matcher compares. */
export interface NormalisedName {
  original: string;
  scripts: string[];
  latin: string;
  tokens: NormalisedToken[];
  particles: string[];
}

/**
 * Bounded memo of normalised names; results are frozen, so sharing them is safe. Least recently
 * used first out (lru-cache): evicting the oldest of a Map by deleting its first key cost a scan
 * over the deleted entries before it, which grew with every eviction (decision 0031).
 */
const CACHE = new LRUCache<string, NormalisedName>({ max: 20_000 });

/**
 * Bounded memo of tokens with their keys. Names are many (one per record) but their tokens are few
 * and repeat, and the keys cost most of normalising; at a million records most candidates' names
 * miss the name memo while their tokens hit this one. Bounded, so memory does not grow with records.
 */
const TOKEN_CACHE = new LRUCache<string, NormalisedToken>({ max: 50_000 });

/** The next token's serial number (NormalisedToken.serial); a token made again gets a new one. */
let nextTokenSerial = 0;

/**
 * Empties both memos. For measuring cold normalisation, and for erasure: an erased person's name
 * must not stay in a worker's memory.
 */
export function forgetNormalisedNames(): void {
  CACHE.clear();
  TOKEN_CACHE.clear();
}

/** How many names and tokens the memos hold (for tests and metrics). */
export function rememberedNameCount(): number {
  return CACHE.size + TOKEN_CACHE.size;
}

function remember<V extends object>(cache: LRUCache<string, V>, key: string, value: V): V {
  cache.set(key, value);
  return value;
}

/**
 * From a name as recorded (any script, any order) to comparable tokens: NFKC and case folding,
 * deterministic transliteration to Latin, particles set apart, and per-token keys.
 * Pure and deterministic: the same string always gives the same result.
 */
export function normaliseName(original: string): NormalisedName {
  const cached = CACHE.get(original);
  if (cached) return cached;
  const result = computeNormalisedName(original);
  // Scoring a record against a few hundred candidates meets the same names again and again.
  Object.freeze(result.tokens);
  return remember(CACHE, original, Object.freeze(result));
}

function computeNormalisedName(original: string): NormalisedName {
  const latin = transliterate(unglueParticles(original));
  const scripts = detectScripts(original);
  const { tokens, particles } = nameTokens(latin);
  const source = scripts.find((script): script is SourceScript => script === 'Cyrl' || script === 'Ethi');
  const arabic = scripts.includes('Arab') ? writtenWords(original, latin, arabicLetters) : undefined;
  const typedInLatin = scripts.length === 1 && scripts[0] === 'Latn';
  const typedInGeez = scripts.length === 1 && scripts[0] === 'Ethi';
  const cyrillic = scripts.length === 1 && scripts[0] === 'Cyrl' ? writtenWords(original, latin, cyrillicLetters) : undefined;
  const marked = typedInLatin && /[^\p{ASCII}]/u.test(original) ? writtenWords(original, latin, markedLetters) : undefined;
  const vietnamese = isWrittenVietnamese(original);
  return {
    original,
    scripts,
    latin,
    particles,
    tokens: tokens.map((token) =>
      normalisedToken(token, source, {
        arabic: arabic?.get(token),
        cyrillic: cyrillic?.get(token),
        marked: marked?.get(token),
        typedInLatin,
        typedInGeez,
        vietnamese,
      }),
    ),
  };
}

/** A Cyrillic word in lowercase, or undefined for another word. */
function cyrillicLetters(word: string): string | undefined {
  const letters = word.toLowerCase();
  return /^\p{Script=Cyrillic}+$/u.test(letters) ? letters : undefined;
}

/** A Latin word with marks in lowercase (composed), or undefined for a word without marks. */
function markedLetters(word: string): string | undefined {
  const letters = word.toLowerCase();
  return /[^\p{ASCII}]/u.test(letters) && /^\p{Script=Latin}+$/u.test(letters) ? letters : undefined;
}

/**
 * Each Latin token of the name that one written word gives, with that word's letters as
 * `lettersOf` reads them (undefined: a word of another script, left out).
 */
function writtenWords(original: string, latin: string, lettersOf: (word: string) => string | undefined): Map<string, string> {
  const words = new Map<string, string>();
  const written = original
    .normalize('NFKC')
    // An apostrophe inside a word is part of it (Ukrainian Мар'яна), not a boundary.
    .replace(/(?<=\p{L})['ʼ’](?=\p{L})/gu, '')
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean);
  // Transliteration keeps words apart and in order: read the Latin words beside the written ones
  // when they are as many, and transliterate word by word only when they are not.
  const read = latin.split(' ');
  const latinOf = (word: string, index: number) => (read.length === written.length ? read[index] : transliterate(word));
  written.forEach((word, index) => {
    const letters = lettersOf(word);
    const tokens = letters === undefined ? [] : nameTokens(latinOf(word, index)).tokens;
    if (letters !== undefined && tokens.length === 1) words.set(tokens[0], letters);
  });
  return words;
}

/** Scripts whose letters change how a token's skeletons are read (Arabic words come with their letters). */
type SourceScript = 'Cyrl' | 'Ethi';

/** How a token was written: the Arabic or Cyrillic word it comes from, or Latin letters as typed. */
interface Written {
  arabic?: string;
  cyrillic?: string;
  marked?: string;
  typedInLatin: boolean;
  typedInGeez: boolean;
  vietnamese: boolean;
}

function normalisedToken(token: string, source: SourceScript | undefined, written: Written): NormalisedToken {
  const { arabic, cyrillic, marked, typedInLatin, typedInGeez, vietnamese } = written;
  // One Latin token has other readings when written in Cyrillic, Ge'ez or Arabic script: separate entries.
  const key = `${source ?? ''} ${arabic ?? ''} ${cyrillic ?? ''} ${marked ?? ''} ${typedInLatin ? 'L' : ''}${typedInGeez ? 'G' : ''}${vietnamese ? 'V' : ''} ${token}`;
  const cached = TOKEN_CACHE.get(key);
  if (cached) return cached;
  const bare = stripArticle(token);
  const result: NormalisedToken = {
    ...tokenForm(token, source, typedInLatin, arabic),
    ...(cyrillic !== undefined && { cyrillic }),
    ...(marked !== undefined && { marked }),
    ...(vietnamese && { vietnamese: true as const }),
    ...(typedInGeez && { typedInGeez: true as const }),
    ...(bare !== token && { bare: tokenForm(bare, source, typedInLatin) }),
  };
  Object.defineProperty(result, 'serial', { value: nextTokenSerial++, enumerable: false });
  return remember(TOKEN_CACHE, key, Object.freeze(result));
}

function tokenForm(token: string, source: SourceScript | undefined, typedInLatin: boolean, arabic?: string): TokenForm {
  const nameClass = nameClassOf(token);
  // Ge'ez ቀ (q) and ገ (g) are two letters, written apart in Latin: the guttural skeleton is for ق.
  const { guttural, ...keys } = tokenKeys(token);
  const readings = [
    ...(source === 'Cyrl' ? cyrillicGReadings(token, keys.skeleton) : []),
    ...(arabic === undefined ? [] : arabicReadings(arabic, keys.skeleton)),
  ];
  return {
    token,
    ...keys,
    ...(guttural !== undefined && source !== 'Ethi' && { guttural }),
    ...(nameClass && { nameClass }),
    ...(readings.length > 0 && { readings }),
    ...(arabic !== undefined && { arabic }),
    ...(typedInLatin && { typedInLatin: true as const }),
  };
}
