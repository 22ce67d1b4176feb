/** Progress and diagnostics go to stderr; stdout carries the figures only. */
export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}
