/**
 * The generator's name pools, built once from name-lists.ts: per culture a male, a female and a
 * family list, each the listed names (most frequent first) followed by a long tail made of
 * syllables, with a Zipf sampler over the whole list.
 */
import { CULTURE_SPECS, type CultureSpec, type NativeScript } from './name-lists.js';
import { seededRandom, type Random } from './seeded-random.js';
import { ZipfSampler } from './zipf.js';

export interface NameEntry {
  /** the name in its own script (Latin-script cultures: the official spelling) */
  native: string;
  /** Latin spellings, the usual one first */
  latin: readonly string[];
}

export type ListKind = 'male' | 'female' | 'family';
const LIST_KINDS: readonly ListKind[] = ['male', 'female', 'family'];

export interface NameList {
  kind: ListKind;
  entries: readonly NameEntry[];
  sampler: ZipfSampler | null;
  /** base of the canonical ids of this list's names: id = base + rank */
  idBase: number;
}

export interface Culture {
  index: number;
  spec: CultureSpec;
  male: NameList;
  female: NameList;
  family: NameList;
}

/** Names per list are well below this, so `id % ID_STRIDE` is the rank and the rest names the list. */
const ID_STRIDE = 100_000;

const capitalise = (text: string): string =>
  text.replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());

export function stripDiacritics(text: string): string {
  return text
    .replace(/ı/g, 'i')
    .replace(/İ/g, 'I')
    .replace(/đ/g, 'dj')
    .replace(/Đ/g, 'Dj')
    .replace(/’/g, '')
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .normalize('NFC');
}

function uniqueSpellings(spellings: readonly string[]): string[] {
  const seen = new Set<string>();
  return spellings.filter((spelling) => {
    const key = spelling.toLowerCase();
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** The Latin spellings of a name: those listed, then those the culture's rules derive from them. */
function latinSpellings(spec: CultureSpec, native: string, listed: readonly string[]): string[] {
  const spellings = [...listed];
  const sources = spec.script === 'Latn' ? [native, ...listed] : listed;
  if (spec.stripDiacritics) spellings.push(...sources.map(stripDiacritics));
  for (const source of sources.slice(0, 1)) {
    const lower = source.toLowerCase();
    let all = lower;
    for (const [pattern, replacement] of spec.latinRules ?? []) {
      spellings.push(capitalise(lower.replace(pattern, replacement)));
      all = all.replace(pattern, replacement);
    }
    if (spec.latinRules) spellings.push(capitalise(all));
  }
  return uniqueSpellings(spellings.filter((s) => s.length > 0));
}

function parseEntry(spec: CultureSpec, entry: string): NameEntry {
  const [native, ...listed] = entry.split('|');
  return { native, latin: latinSpellings(spec, native, listed.length > 0 ? listed : [native]) };
}

interface Piece {
  native: string;
  latin: readonly string[];
}

const parsePiece = (text: string): Piece => {
  const [native, ...latin] = text.split('|');
  return { native, latin: latin.length > 0 ? latin : [native] };
};

/** Rarer names made of syllables: a fixed, shuffled enumeration (the pools never depend on the benchmark's seed). */
function tailEntries(spec: CultureSpec, cultureIndex: number, kind: ListKind, count: number, taken: Set<string>): NameEntry[] {
  const tail = spec.tail;
  if (!tail || count <= 0) return [];
  const syllables = tail.syllables.map(parsePiece);
  const suffixes = kind === 'family' ? tail.familySuffixes.map(parsePiece) : [parsePiece('')];
  const combos: Piece[][] = [];
  const walk = (prefix: Piece[]) => {
    if (prefix.length === tail.perName) {
      for (const suffix of suffixes) combos.push([...prefix, suffix]);
      return;
    }
    for (const syllable of syllables) walk([...prefix, syllable]);
  };
  walk([]);
  const random = seededRandom(0x5eed, cultureIndex, LIST_KINDS.indexOf(kind));
  for (let i = combos.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [combos[i], combos[j]] = [combos[j], combos[i]];
  }
  const entries: NameEntry[] = [];
  for (const pieces of combos) {
    if (entries.length >= count) break;
    const native = capitalise(pieces.map((p) => p.native).join(''));
    if (native.length < 3 || taken.has(native)) continue;
    taken.add(native);
    const usual = pieces.map((p) => p.latin[0]);
    const variants = pieces.flatMap((p, i) =>
      p.latin.slice(1, 2).map((alt) => capitalise([...usual.slice(0, i), alt, ...usual.slice(i + 1)].join(''))),
    );
    entries.push({ native, latin: latinSpellings(spec, native, [capitalise(usual.join('')), ...variants]) });
  }
  return entries;
}

function buildList(spec: CultureSpec, cultureIndex: number, kind: ListKind): NameList {
  const listed = spec[kind].map((entry) => parseEntry(spec, entry));
  const taken = new Set(listed.map((e) => e.native));
  const tailCount = spec.tail ? (kind === 'family' ? spec.tail.family : spec.tail.given) : 0;
  const entries = [...listed, ...tailEntries(spec, cultureIndex, kind, tailCount, taken)];
  const exponent = kind === 'family' ? spec.exponents.family : spec.exponents.given;
  return {
    kind,
    entries,
    sampler: entries.length > 0 ? new ZipfSampler(entries.length, exponent) : null,
    idBase: (cultureIndex * LIST_KINDS.length + LIST_KINDS.indexOf(kind)) * ID_STRIDE,
  };
}

export const CULTURES: readonly Culture[] = CULTURE_SPECS.map((spec, index) => ({
  index,
  spec,
  male: buildList(spec, index, 'male'),
  female: buildList(spec, index, 'female'),
  family: buildList(spec, index, 'family'),
}));

const CULTURE_CUMULATIVE = (() => {
  const total = CULTURES.reduce((sum, c) => sum + c.spec.weight, 0);
  let running = 0;
  return CULTURES.map((c) => (running += c.spec.weight / total));
})();

export function pickCulture(random: Random): Culture {
  const u = random.next();
  const index = CULTURE_CUMULATIVE.findIndex((limit) => u < limit);
  return CULTURES[index === -1 ? CULTURES.length - 1 : index];
}

export interface NameRef {
  list: NameList;
  rank: number;
}

export function drawName(list: NameList, random: Random): NameRef {
  if (!list.sampler) throw new Error(`the ${list.kind} list is empty`);
  return { list, rank: list.sampler.sample(random.next()) };
}

export const nameId = (ref: NameRef): number => ref.list.idBase + ref.rank;

/** A readable label for a canonical name id: culture, list and usual Latin spelling. */
export function nameLabel(id: number): string {
  const rank = id % ID_STRIDE;
  const listIndex = Math.floor(id / ID_STRIDE);
  const culture = CULTURES[Math.floor(listIndex / LIST_KINDS.length)];
  const list = culture[LIST_KINDS[listIndex % LIST_KINDS.length]];
  return `${list.entries[rank].latin[0]} (${culture.spec.key} ${list.kind})`;
}

/** The name as written: in its own script, or in one of its Latin spellings (the usual one most often). */
export function renderName(ref: NameRef, native: boolean, random: Random): string {
  const entry = ref.list.entries[ref.rank];
  if (native) return entry.native;
  return entry.latin.length === 1 || random.chance(0.6) ? entry.latin[0] : entry.latin[random.int(1, entry.latin.length - 1)];
}

/** ISO 15924 code of a rendering. */
export const scriptOf = (culture: Culture, native: boolean): NativeScript => (native ? culture.spec.script : 'Latn');
