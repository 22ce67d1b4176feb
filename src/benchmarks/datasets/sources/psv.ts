import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourcesFolder } from './paths.js';

/** Rows of a '|'-separated source file under bench/datasets/sources; '#' lines are its provenance notes. */
export function readSourceRows(fileName: string): string[][] {
  return parsePipeSeparated(readFileSync(join(sourcesFolder, fileName), 'utf8'));
}

export function parsePipeSeparated(text: string): string[][] {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => line.split('|').map((field) => field.trim()));
}
