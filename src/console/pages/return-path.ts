/** Where the language links return to: a path of the console itself, or its home. Never an open redirect. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/console(\/[\w\-./?=&%]*)?$/.test(value) && !value.includes('//') && !value.includes('..')
    ? value
    : '/console';
}
