import type { Script } from './name-model.js';
import type { Prng } from './prng.js';

/*
 * The noise model: what happens to a name between two records of the same person. Each function returns the changed
 * name, or null when it does not apply (the callers then try another kind of change).
 */

const qwertyNeighbours: Record<string, string> = {
  q: 'wa',
  w: 'qes',
  e: 'wrd',
  r: 'etf',
  t: 'ryg',
  y: 'tuh',
  u: 'yij',
  i: 'uok',
  o: 'ipl',
  p: 'ol',
  a: 'qsz',
  s: 'awdz',
  d: 'sefx',
  f: 'drgc',
  g: 'fthv',
  h: 'gyjb',
  j: 'hukn',
  k: 'jilm',
  l: 'kop',
  z: 'asx',
  x: 'zsdc',
  c: 'xdfv',
  v: 'cfgb',
  b: 'vghn',
  n: 'bhjm',
  m: 'njk',
};

/** Letter groups an OCR engine or a tired eye confuses. */
const ocrConfusions: [string, string][] = [
  ['rn', 'm'],
  ['cl', 'd'],
  ['vv', 'w'],
  ['li', 'h'],
  ['e', 'c'],
  ['n', 'h'],
  ['i', 'l'],
  ['u', 'v'],
  ['a', 'o'],
];

/** Spellings that sound alike to the person writing the name down. */
const phoneticSwaps: [string, string][] = [
  ['ph', 'f'],
  ['ck', 'k'],
  ['c', 'k'],
  ['ou', 'u'],
  ['ee', 'i'],
  ['oo', 'u'],
  ['y', 'i'],
  ['z', 's'],
  ['kh', 'h'],
  ['dj', 'j'],
  ['tch', 'ch'],
  ['v', 'w'],
  ['ie', 'i'],
  ['ei', 'ai'],
  ['q', 'k'],
  ['th', 't'],
  ['sh', 'ch'],
  ['x', 'ks'],
];

/** One keyboard, OCR, phonetic, dropped, doubled or swapped letter in one word of a Latin-script name. */
export function latinTypo(name: string, prng: Prng): string {
  const kinds = [keyboardSlip, ocrSlip, phoneticSlip, dropLetter, doubleLetter, swapLetters];
  for (let attempt = 0; attempt < 20; attempt++) {
    const words = name.split(' ');
    const candidates = words.map((word, i) => i).filter((i) => words[i].length >= 3);
    if (candidates.length === 0) return name;
    const index = prng.pick(candidates);
    const changed = prng.pick(kinds)(words[index], prng);
    if (changed !== null && changed !== words[index] && changed.length > 1) {
      words[index] = changed;
      return words.join(' ');
    }
  }
  return name;
}

function keyboardSlip(word: string, prng: Prng): string | null {
  const positions = [...word].map((_, i) => i).filter((i) => i > 0 && qwertyNeighbours[word[i].toLowerCase()]);
  if (positions.length === 0) return null;
  const i = prng.pick(positions);
  return word.slice(0, i) + prng.pick([...qwertyNeighbours[word[i].toLowerCase()]]) + word.slice(i + 1);
}

function replaceOne(word: string, pairs: [string, string][], prng: Prng): string | null {
  const lower = word.toLowerCase();
  const options = pairs
    .flatMap(([a, b]) => [
      [a, b],
      [b, a],
    ])
    .filter(([from]) => lower.indexOf(from, 1) > 0);
  if (options.length === 0) return null;
  const [from, to] = prng.pick(options);
  const at = lower.indexOf(from, 1);
  return word.slice(0, at) + to + word.slice(at + from.length);
}

function ocrSlip(word: string, prng: Prng): string | null {
  return replaceOne(word, ocrConfusions, prng);
}

function phoneticSlip(word: string, prng: Prng): string | null {
  return replaceOne(word, phoneticSwaps, prng);
}

function dropLetter(word: string, prng: Prng): string | null {
  const i = prng.between(1, word.length - 1);
  return word.slice(0, i) + word.slice(i + 1);
}

function doubleLetter(word: string, prng: Prng): string | null {
  const i = prng.between(1, word.length - 1);
  return word.slice(0, i) + word[i] + word.slice(i);
}

function swapLetters(word: string, prng: Prng): string | null {
  if (word.length < 4) return null;
  const i = prng.between(1, word.length - 2);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/** Arabic-script spelling variants: hamza on alif, ta marbuta / ha, alif maqsura / ya, dotted letters misread. */
const arabicSwaps: [string, string][] = [
  ['أ', 'ا'],
  ['إ', 'ا'],
  ['آ', 'ا'],
  ['ة', 'ه'],
  ['ى', 'ي'],
  ['ب', 'ت'],
  ['ت', 'ث'],
  ['ن', 'ت'],
  ['ح', 'ج'],
  ['ح', 'خ'],
  ['ع', 'غ'],
  ['ص', 'ض'],
  ['ط', 'ظ'],
  ['د', 'ذ'],
  ['ر', 'ز'],
  ['س', 'ش'],
  ['ي', 'ى'],
  ['ک', 'ك'],
  ['ی', 'ي'],
];

/** Cyrillic slips: Ukrainian and Russian letters mixed up, ё written as е, soft sign dropped, a neighbour key. */
const cyrillicSwaps: [string, string][] = [
  ['і', 'и'],
  ['и', 'і'],
  ['ї', 'і'],
  ['є', 'е'],
  ['ё', 'е'],
  ['ь', ''],
  ['й', 'и'],
  ['ш', 'щ'],
  ['о', 'а'],
  ['е', 'и'],
  ['г', 'ґ'],
  ['к', 'л'],
  ['н', 'т'],
  ['ц', 'у'],
  ['в', 'а'],
];

/** Greek slips: accents dropped or moved, homophone vowels (ι, η, υ, ει, οι all sound "i"; ο and ω "o"). */
const greekSwaps: [string, string][] = [
  ['ι', 'η'],
  ['η', 'ι'],
  ['υ', 'ι'],
  ['ει', 'ι'],
  ['οι', 'ι'],
  ['ο', 'ω'],
  ['ω', 'ο'],
  ['ά', 'α'],
  ['έ', 'ε'],
  ['ί', 'ι'],
  ['ό', 'ο'],
];

/**
 * Ge'ez homophones: letters that once were different sounds and are now pronounced alike, so writers pick either
 * (ሀ ሐ ኀ all "h", ሰ ሠ "s", አ ዐ glottal, ጸ ፀ "ts"), keeping the vowel order of the syllable.
 */
const ethiopicHomophoneSeries = [
  [0x1200, 0x1210, 0x1280],
  [0x1230, 0x1220],
  [0x12a0, 0x12d0],
  [0x1338, 0x1340],
];

function ethiopicHomophone(word: string, prng: Prng): string | null {
  const chars = [...word];
  const positions: [number, number[], number][] = [];
  chars.forEach((char, i) => {
    const code = char.codePointAt(0) as number;
    for (const series of ethiopicHomophoneSeries) {
      const base = series.find((start) => code >= start && code < start + 7);
      if (base !== undefined) positions.push([i, series.filter((start) => start !== base), code - base]);
    }
  });
  if (positions.length === 0) return null;
  const [i, others, order] = prng.pick(positions);
  chars[i] = String.fromCodePoint(prng.pick(others) + order);
  return chars.join('');
}

function swapInScript(word: string, swaps: [string, string][], prng: Prng): string | null {
  const options = swaps.filter(([from]) => word.includes(from));
  if (options.length === 0) return null;
  const [from, to] = prng.pick(options);
  return word.replace(from, to);
}

/** One slip in one word of a name written in `script`. */
export function scriptTypo(name: string, script: Script, prng: Prng): string {
  if (script === 'Latn') return latinTypo(name, prng);
  for (let attempt = 0; attempt < 20; attempt++) {
    const words = name.split(' ');
    const index = prng.int(words.length);
    let changed: string | null = null;
    if (script === 'Arab') changed = swapInScript(words[index], arabicSwaps, prng);
    if (script === 'Cyrl') changed = swapInScript(words[index].toLowerCase(), cyrillicSwaps, prng);
    if (script === 'Grek') changed = swapInScript(words[index].toLowerCase(), greekSwaps, prng);
    if (script === 'Ethi') changed = ethiopicHomophone(words[index], prng);
    if (script === 'Cyrl' || script === 'Grek') changed = changed === null ? null : restoreCase(words[index], changed);
    if (changed !== null && changed !== words[index] && changed.length > 0) {
      words[index] = changed;
      return words.join(' ');
    }
  }
  return name;
}

function restoreCase(original: string, changed: string): string {
  return original[0] === original[0].toUpperCase() ? changed[0].toUpperCase() + changed.slice(1) : changed;
}

/** Name beginnings that are written joined or apart: Abdul Rahman / Abdulrahman, Gebre Medhin / Gebremedhin. */
const compoundHeads = [
  'Abdul',
  'Abdel',
  'Abd',
  'Abu',
  'Abou',
  'Gebre',
  'Gabre',
  'Wolde',
  'Welde',
  'Habte',
  'Tekle',
  'Haile',
  'Kidane',
  'Nur',
  'Ben',
  'Bin',
];
const compoundTails = ['allah', 'ullah', 'mariam', 'selassie', 'michael', 'medhin', 'egziabher', 'din', 'eddine', 'iyesus', 'giorgis'];

/** Joins two words of a compound name, or splits one, whichever the name allows; null if neither. */
export function joinOrSplitCompound(name: string, prng: Prng): string | null {
  const words = name.split(' ');
  const joins = words
    .map((word, i) => i)
    .filter((i) => i + 1 < words.length && (compoundHeads.includes(words[i]) || compoundTails.includes(words[i + 1].toLowerCase())));
  const splits: [number, number][] = [];
  words.forEach((word, i) => {
    for (const head of compoundHeads) if (word.startsWith(head) && word.length > head.length + 2) splits.push([i, head.length]);
    for (const tail of compoundTails) {
      const at = word.toLowerCase().lastIndexOf(tail);
      if (at > 2 && at + tail.length === word.length) splits.push([i, at]);
    }
  });
  if (joins.length > 0 && (splits.length === 0 || prng.chance(0.5))) {
    const i = prng.pick(joins);
    words.splice(i, 2, words[i] + words[i + 1].toLowerCase());
    return words.join(' ');
  }
  if (splits.length > 0) {
    const [i, at] = prng.pick(splits);
    const word = words[i];
    words.splice(i, 1, word.slice(0, at), word[at].toUpperCase() + word.slice(at + 1));
    return words.join(' ');
  }
  return null;
}

/**
 * Family-name particles: the Arabic article (Al-Masri, al Masri, El Masri, Masri), and the link words of name chains
 * (Ahmed bin Ali, Ahmed ibn Ali), for Arabic name chains; European particles (van, de) are joined to the name or
 * dropped. Null when the name has no place for one.
 */
export function particleVariant(name: string, arabicChain: boolean, prng: Prng): string | null {
  const words = name.split(' ');
  const last = words[words.length - 1];
  const article = /^(al|el)[- ]?/i;
  if (words.length >= 2 && article.test(last) && last.length > 4) {
    const bare = last.replace(/^(al|el)-?/i, '');
    const variants = [bare, `Al-${bare}`, `al-${bare}`, `El ${bare}`, `Al${bare.toLowerCase()}`].filter((v) => v !== last);
    words[words.length - 1] = prng.pick(variants);
    return words.join(' ');
  }
  const particleIndex = words.findIndex(
    (word, i) => i > 0 && ['van', 'de', 'der', 'den', 'von', 'da', 'di', 'del', 'la', 'le'].includes(word.toLowerCase()),
  );
  if (particleIndex > 0) {
    const joined = words.slice(particleIndex).join('');
    const options = [[...words.slice(0, particleIndex), joined].join(' '), words.filter((_, i) => i !== particleIndex).join(' ')];
    return prng.pick(options);
  }
  if (arabicChain && words.length >= 3 && prng.chance(0.5)) {
    const link = prng.pick(['bin', 'ibn', 'ben', 'Bin']);
    return [words[0], link, ...words.slice(1)].join(' ');
  }
  if (arabicChain && words.length >= 2) {
    words[words.length - 1] = `${prng.pick(['Al-', 'El-', 'al-'])}${last}`;
    return words.join(' ');
  }
  return null;
}
