import type { Random } from './seeded-random.js';

/** Letters a mistyped or misheard letter most often becomes. */
const REPLACEMENTS = 'aeioumnrstlkh';

/**
 * One typo in one word of a Latin-script name: a letter replaced, dropped, doubled, or swapped
 * with its neighbour. The first letter is left alone (it is the letter people get right) and
 * words shorter than four letters are not touched; a name without such a word comes back unchanged.
 */
export function addTypo(value: string, random: Random): string {
  const words = value.split(' ');
  const candidates = words.flatMap((word, index) => (word.length >= 4 && /^[\p{Script=Latin}'’-]+$/u.test(word) ? [index] : []));
  if (candidates.length === 0) return value;
  const index = random.pick(candidates);
  const word = words[index];
  const at = random.int(1, word.length - 1);
  let typo: string;
  switch (random.int(0, 3)) {
    case 0: {
      const options = [...REPLACEMENTS].filter((letter) => letter !== word[at].toLowerCase());
      typo = word.slice(0, at) + random.pick(options) + word.slice(at + 1);
      break;
    }
    case 1:
      typo = word.slice(0, at) + word.slice(at + 1);
      break;
    case 2:
      typo = word.slice(0, at) + word[at] + word.slice(at);
      break;
    default: {
      const left = Math.max(1, at - 1);
      typo =
        word[left] === word[left + 1]
          ? word.slice(0, at) + word.slice(at + 1)
          : word.slice(0, left) + word[left + 1] + word[left] + word.slice(left + 2);
    }
  }
  words[index] = typo;
  return words.join(' ');
}
