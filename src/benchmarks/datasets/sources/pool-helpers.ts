import type { NamePart, Sex } from '../name-model.js';
import { zipfWeight } from '../name-model.js';
import type { Prng } from '../prng.js';

/**
 * Turns a source's name list into name parts. Sources list names without frequencies, so weights follow a Zipf law over
 * a seeded shuffle: a few names become very frequent, as Mohammed or Oleksandr are in a real caseload.
 */
export function partsFromList(names: readonly string[], romanise: (native: string) => string[], prng: Prng): NamePart[] {
  const unique = [...new Set(names.map((name) => name.trim()).filter((name) => name.length > 0))];
  return prng.shuffle(unique).map((native, rank) => ({ native, latin: dedupe(romanise(native)), weight: zipfWeight(rank) }));
}

export function dedupe(spellings: readonly string[]): string[] {
  return [...new Set(spellings.filter((spelling) => spelling.trim().length > 0))];
}

/** Faker keeps names as { male, female, generic }; generic ones count for both sexes. */
export function bySex(lists: { male?: readonly string[]; female?: readonly string[]; generic?: readonly string[] }): Record<Sex, string[]> {
  const generic = lists.generic ?? [];
  return { M: [...(lists.male ?? []), ...generic], F: [...(lists.female ?? []), ...generic] };
}

export function capitalise(word: string): string {
  return word.replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}
