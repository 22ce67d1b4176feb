/**
 * A key as error responses may name it. Keys come from the client: one that looks like a field name
 * (an ASCII identifier of up to 40 characters, or an array index) is named, anything else becomes
 * "(key)", so an error never carries submitted text that could be a name, markup or a broken string.
 */
export function fieldSegment(key: string): string {
  return /^(?:[A-Za-z][A-Za-z0-9_]{0,39}|\d{1,9})$/.test(key) ? key : '(key)';
}

export function joinFieldPath(prefix: string, key: string): string {
  return prefix ? `${prefix}.${fieldSegment(key)}` : fieldSegment(key);
}
