/**
 * Splitting a transliterated name (lowercase Latin, see transliterate/) into comparable tokens:
 * particles set apart, compound Arabic theophoric names brought to one shape
 * ("Abdulrahman", "Abdul Rahman", "Abd al-Rahman", "Abdurrahman" all give `abd` + `rahman`).
 */

/**
 * Particles that carry no identity on their own (with the sun-letter forms of the Arabic article);
 * kept apart so they neither match nor block.
 */
export const PARTICLES: ReadonlySet<string> = new Set([
  'al',
  'el',
  'ul',
  'ar',
  'as',
  'ash',
  'at',
  'ath',
  'ad',
  'adh',
  'az',
  'bin',
  'ibn',
  'ben',
  'bint',
  'binti',
  'ould',
  'wad',
  'walad',
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'dos',
  'das',
  'do',
  'la',
  'le',
]);

/**
 * Particles that are also common family names: Vietnamese Lê, Đỗ, La and Dư fold to le, do, la, du.
 * Between two words they are read as particles (Maria do Carmo, Jean de la Fontaine); first or last
 * (Lê Sĩ Hoàng, Hoàng Sĩ Lê) they are a family name, since a particle always precedes a name.
 */
const PARTICLES_ONLY_INSIDE: ReadonlySet<string> = new Set(['le', 'la', 'do', 'du']);

/**
 * Article forms glued to the next word: "alhassan", "el-hassan" (after hyphen removal), "ar-rashid",
 * and the Maghrebi "l" before a word that begins with ع, written aa (Laamouri / العموري, Laaroussi).
 */
const GLUED_ARTICLE = /^(?:al|el|l(?=aa[a-z]{3}))(?=[a-z]{3,})/;
const SUN_LETTER_ARTICLE = /^(?:a|e|u)(t|th|d|dh|r|z|s|sh|n)-?\1(?=[a-z]{2,})/;

/** abd / abdul / abdel / abdal / abdur / abdoul ... glued to the divine name that follows. */
const ABD_COMPOUND = /^abd(?:ou|u|e|o|a)?(?:l|r(?=r)|n(?=n)|s(?=s))?-?(?=[a-z]{3,})/;
const ABD_ALONE = /^abd(?:ul|el|al|ou?l|ur|u|e|o)?$/;

export interface NameTokens {
  /** identity-bearing tokens in the order written */
  tokens: string[];
  /** the particles met, in order (for explanations, never for scoring on their own) */
  particles: string[];
}

/**
 * The word without an article glued to it ("alhassan", "elabed", "ar-rashid" after hyphen removal),
 * or the word itself. Latin names such as Alexander or Elena look the same, so callers keep both forms.
 */
export function stripArticle(token: string): string {
  if (GLUED_ARTICLE.test(token)) return token.replace(GLUED_ARTICLE, '');
  const sun = SUN_LETTER_ARTICLE.exec(token);
  return sun ? token.slice(sun[0].length - sun[1].length) : token;
}

/** Tokens of a lowercase Latin name; `abd` compounds split, articles and particles set apart. */
export function nameTokens(latin: string): NameTokens {
  const tokens: string[] = [];
  const particles: string[] = [];
  const words = latin.split(/[\s\-']+/).filter(Boolean);
  for (const [index, raw] of words.entries()) {
    const inside = index > 0 && index < words.length - 1;
    if (PARTICLES.has(raw) && (inside || !PARTICLES_ONLY_INSIDE.has(raw))) {
      particles.push(raw);
      continue;
    }
    if (ABD_ALONE.test(raw)) {
      tokens.push('abd');
      continue;
    }
    // ABD_COMPOUND's look-ahead leaves at least three letters after the match.
    const abd = ABD_COMPOUND.exec(raw);
    if (abd) {
      tokens.push('abd', stripArticle(raw.slice(abd[0].length)));
      continue;
    }
    tokens.push(raw);
  }
  return { tokens, particles };
}

const LONGEST_FIRST = [...PARTICLES].sort((x, y) => y.length - x.length);

/** A word read as particles written together (vander: van + der, dela: de + la), or undefined. */
function particleRun(run: string): string[] | undefined {
  if (run === '') return [];
  for (const particle of LONGEST_FIRST) {
    const rest = run.startsWith(particle) ? particleRun(run.slice(particle.length)) : undefined;
    if (rest) return [particle, ...rest];
  }
  return undefined;
}

/**
 * A name as written, with particles glued to the name they precede set apart again: the capital
 * of the name marks where it begins (Odin deVos, Jan vanderMeer, Leonardo DiCaprio). Never in the
 * first word, where a capital inside a given name is part of it (DeShawn, LaToya).
 */
export function unglueParticles(written: string): string {
  // Most names have no capital inside a word: nothing to split.
  if (!/\p{Ll}\p{Lu}/u.test(written)) return written;
  return written
    .split(' ')
    .map((word, index) => {
      const parts = index === 0 ? [] : word.split(/(?<=\p{Ll})(?=\p{Lu})/u);
      const particles = parts.length > 1 ? particleRun(parts.slice(0, -1).join('').toLowerCase()) : undefined;
      return particles ? [...particles, parts[parts.length - 1]].join(' ') : word;
    })
    .join(' ');
}

/** Adjacent tokens written together, so "Abu Bakr" meets "Abubakr" and "Mohamed Ali" meets "Mohamedali". */
export function joinedForms(tokens: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i += 1) joined.push(tokens[i] + tokens[i + 1]);
  return joined;
}
