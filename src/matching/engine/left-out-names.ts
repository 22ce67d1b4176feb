import type { TokenMatch } from './align-tokens.js';
import type { NormalisedToken } from './normalise-name.js';

/**
 * How many names the longer of two agreeing names has beyond the shorter: words left out side by
 * side between two words that agree are one middle name left out, as a two-word middle name
 * (Nguyễn [Hữu Chiến] Kiên Giang) or a father's and grandfather's names dropped together (Ahmed
 * [Mohamed Hassan] Ali) are one omission. Words beyond the first or last agreeing word count one by
 * one: "Imam" alone is not "Husayn Fawzi Amadu al-Imam" with one name left out.
 */
export function leftOutNames(length: number, used: ReadonlySet<number>): number {
  const agreeing = [...used].filter((at) => at < length);
  const [first, last] = [Math.min(...agreeing), Math.max(...agreeing)];
  let names = 0;
  for (let at = 0; at < length; at += 1) {
    if (used.has(at)) continue;
    const inside = at > first && at < last;
    if (!inside || used.has(at - 1)) names += 1;
  }
  return names;
}

/**
 * Whether the shorter of two agreeing names begins where the longer's second word is, the longer's
 * first word left out: the first word of a name is the given name, the one every record of a person
 * keeps, while the words after it are often a chain of forebears' names (given + father +
 * grandfather in Arabic, Ethiopian and Eritrean names; a father's name as a Greek middle name), so
 * the shorter name is most often another person, the longer one's father (Athanasios Botsaris /
 * Georgios Athanasios Botsaris, ስብሐት ለአብ / Kassaye Sebhat Laab). That name left out counts twice.
 * A first word written twice (Zora Zora Robel / Zora Robel) is one name written twice, not this.
 */
export function givenNameLeftOut(
  longer: readonly NormalisedToken[],
  shorter: readonly NormalisedToken[],
  usedInLonger: ReadonlySet<number>,
  matches: readonly TokenMatch[],
  longerIsA: boolean,
): boolean {
  if (longer.length < 3 || usedInLonger.has(0) || !usedInLonger.has(1) || longer[0].token === longer[1].token) return false;
  const [second, first] = [longer[1].token, shorter[0].token];
  return matches.some((m) => (longerIsA ? m.a === second && m.b === first : m.b === second && m.a === first));
}
