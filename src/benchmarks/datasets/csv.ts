import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** RFC 4180 CSV with a header line; fields are quoted only when they need it. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header as string[], ...(rows as string[][])], { record_delimiter: '\n' });
}

/** Parses CSV text with a header line into records keyed by the header's names. */
export function fromCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}
