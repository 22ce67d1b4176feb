import { consonantSkeleton } from './phonetic-keys.js';
import { transliterate } from './transliterate/transliterate.js';

/**
 * Arabic letters whose Latin spelling follows the writer's language rather than one table: ث is th
 * in Arabic spellings but s in Persian, Turkish and Urdu ones (Othman / Osman), ذ and ض are dh and d
 * but z there (Ramadan / Ramazan); ظ is z, but dh or d in Gulf and Iraqi spellings (Mahfouz /
 * Mahfoodh / Mahfood). Each table rewrites those letters as the letter read that way.
 */
const READINGS: ReadonlyArray<ReadonlyMap<string, string>> = [
  // Persian, Turkish, Urdu
  new Map([
    ['ث', 'س'],
    ['ذ', 'ز'],
    ['ض', 'ز'],
  ]),
  // Gulf and Iraqi
  new Map([['ظ', 'ذ']]),
];

/** Skeletons of an Arabic-script word (see arabicLetters) under the other readings, beside `skeleton`. */
export function arabicReadings(letters: string, skeleton: string): string[] {
  const readings: string[] = [];
  for (const table of READINGS) {
    if (![...letters].some((letter) => table.has(letter))) continue;
    const reading = consonantSkeleton(transliterate([...letters].map((letter) => table.get(letter) ?? letter).join('')));
    if (reading !== skeleton && !readings.includes(reading)) readings.push(reading);
  }
  return readings;
}
