/**
 * Which letters a hand, an eye or an ear puts for which, by the script a name was typed in. A slip
 * of the hand strikes a neighbouring key; which keys are neighbours depends on the keyboard the
 * record was typed on, and an officer's keyboard is not written on the record, so each script's
 * table holds the layouts its records are typed on.
 */
export interface SlipLetters {
  /** ordered two-letter strings xy: writing y for x is one slip (every pair is held both ways) */
  readonly confusable: ReadonlySet<string>;
  /** letters writers leave out without noticing (the Cyrillic soft and hard signs): one slip, not a stray letter */
  readonly silent: string;
  /** pairs (in `confusable`) that may differ even as a name's first letter: one letter under two spellings */
  readonly twins: ReadonlySet<string>;
  /** the same twins by letter, for the check every token pair makes (no string built) */
  readonly twinsOf: ReadonlyMap<string, string>;
  /**
   * vowels a writer spelling by ear puts for one another beyond the `confusable` pairs (typing-slips.ts:
   * a stray letter's cost, not a changed letter's); empty where the table already holds the ear's pairs
   */
  readonly vowels: string;
}

/**
 * Neighbouring keys of a layout given as its letter rows, each row half a key to the right of the
 * one above: beside on the row, and below-left and below-right.
 */
export function keyboardNeighbours(rows: readonly string[]): string[] {
  const pairs: string[] = [];
  rows.forEach((row, r) => {
    const letters = [...row];
    const below = [...(rows[r + 1] ?? '')];
    letters.forEach((letter, i) => {
      for (const other of [letters[i + 1], below[i - 1], below[i]]) if (other) pairs.push(letter + other);
    });
  });
  return pairs;
}

function slipLetters(pairs: readonly string[], silent = '', twins: readonly string[] = [], vowels = ''): SlipLetters {
  const both = (list: readonly string[]) => new Set(list.flatMap((pair) => [pair, [...pair].reverse().join('')]));
  const twinsOf = new Map<string, string>();
  for (const [x, y] of both(twins)) twinsOf.set(x, (twinsOf.get(x) ?? '') + y);
  return { confusable: both([...pairs, ...twins]), silent, twins: both(twins), twinsOf, vowels };
}

/**
 * Latin letters: QWERTY, and AZERTY (French-speaking West and Central Africa, the Maghreb: a/q and
 * z/w change places, m ends the middle row), whose neighbours a QWERTY table misses (a/z, m/l, w/x).
 * Not QWERTZ (German, the Balkans): its y beside a, s and t made Slavic and Greek forms of names
 * two slips apart (Kostya / Kostas, Dmitriy / Dimitris; decision 0027). Letters a hurried reader of a handwritten
 * or scanned record takes for each other (c/e, a/o, i/l/j, u/v/n, n/h, g/q) and letters that sound
 * alike where the writer spells by ear (i/y, c/k/q, s/z, v/w). Letter pairs that look like one
 * letter (rn/m, cl/d) are the edit distance's own. Twins: first letters that transliterations
 * write for one sound (Ioanna / Yoanna, Jusuf / Yusuf, Greek γ as g or y, Karim / Carim, Qasim / Kasim).
 * Vowels: an unstressed vowel is heard as a murmur that a writer spells with any vowel (Abeiku / Abaiku).
 */
export const LATIN_SLIPS: SlipLetters = slipLetters(
  [
    ...keyboardNeighbours(['qwertyuiop', 'asdfghjkl', 'zxcvbnm']),
    ...keyboardNeighbours(['azertyuiop', 'qsdfghjklm', 'wxcvbn']),
    ...['ce', 'ao', 'il', 'ij', 'uv', 'nu', 'nh', 'gq', 'iy', 'ck', 'kq', 'sz', 'vw'],
  ],
  '',
  ['iy', 'jy', 'gy', 'ck', 'kq'],
  'aeiou',
);

/**
 * Cyrillic letters: the Russian and Ukrainian ЙЦУКЕН layouts, where the Ukrainian і, є and ї sit on
 * the keys of the Russian ы, э and ъ (so one key gives either on the other layout); a Ukrainian name
 * spelled with Russian letters or the reverse (і/и, и/ы, є/е, е/э, ї/і, ґ/г: one letter under two
 * spellings, so even first); unstressed о and е heard as а and и by a writer spelling Russian by
 * ear; the marks a hand leaves off (ё/е, й/и, щ/ш). The soft and hard signs are left out unnoticed.
 */
export const CYRILLIC_SLIPS: SlipLetters = slipLetters(
  [
    ...keyboardNeighbours(['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю']),
    ...keyboardNeighbours(['йцукенгшщзхї', 'фівапролджє', 'ячсмитьбю']),
    ...['оа', 'еи', 'ёе', 'йи', 'щш'],
  ],
  'ьъ',
  ['іы', 'єэ', 'їъ', 'іи', 'иы', 'єе', 'еэ', 'їі', 'ґг'],
);
