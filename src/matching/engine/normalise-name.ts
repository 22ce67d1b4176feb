import { nameTokens, stripArticle } from './name-tokens.js';
import { tokenKeys, type TokenKeys } from './phonetic-keys.js';
import { nameClassOf, type NameClassMatch } from './name-equivalence.js';
import { detectScripts, transliterate } from './transliterate/transliterate.js';

/** One spelling of a name token with everything it is known by. */
export interface TokenForm extends TokenKeys {
  token: string;
  nameClass?: NameClassMatch;
}

/** One name token as the matcher compares it. */
export interface NormalisedToken extends TokenForm {
  /** the token without an article glued to it ("alnagar" → "nagar"), when it may carry one */
  bare?: TokenForm;
}

/** A recorded name, kept as written, beside the forms the matcher compares. */
export interface NormalisedName {
  original: string;
  scripts: string[];
  latin: string;
  tokens: NormalisedToken[];
  particles: string[];
}

/** Bounded memo of normalised names; results are frozen, so sharing them is safe. */
const CACHE_LIMIT = 20_000;
const CACHE = new Map<string, NormalisedName>();

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
  if (CACHE.size >= CACHE_LIMIT) CACHE.delete(CACHE.keys().next().value as string);
  Object.freeze(result.tokens);
  CACHE.set(original, Object.freeze(result));
  return result;
}

function computeNormalisedName(original: string): NormalisedName {
  const latin = transliterate(original);
  const scripts = detectScripts(original);
  const { tokens, particles } = nameTokens(latin);
  return {
    original,
    scripts,
    latin,
    particles,
    tokens: tokens.map((token) => {
      const bare = stripArticle(token);
      return { ...tokenForm(token), ...(bare !== token && { bare: tokenForm(bare) }) };
    }),
  };
}

function tokenForm(token: string): TokenForm {
  const nameClass = nameClassOf(token);
  return { token, ...tokenKeys(token), ...(nameClass && { nameClass }) };
}
