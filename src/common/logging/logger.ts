import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

/**
 * Paths pino blanks out wherever they appear. Log calls carry ids and counts only; this is the net
 * below that rule, in case a person's field ever reaches a log object.
 */
export const REDACTED_PATHS = [
  '*.name',
  '*.names',
  '*.value',
  '*.circumstances',
  '*.contactDetails',
  '*.currentWhereabouts',
  '*.placeOfBirth',
  '*.lastKnownPlace',
  '*.birthDate',
  '*.birthDateOriginal',
  '*.password',
  '*.email',
  'req.headers.authorization',
  'req.headers.cookie',
  'body',
  '*.body',
  'data',
  '*.data',
];

export function createPinoLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { pid: process.pid } }, destination as never);
}

/** Adapter so Nest's own Logger calls end up as structured JSON lines. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]): void {
    // Nest passes the context (class name) last; a second string before it is a stack trace.
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    const stack = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    if (typeof message === 'object' && message !== null) {
      const [text] = rest.filter((r) => typeof r === 'string' && r !== context);
      this.logger[level]({ context, ...(message as object) }, text as string | undefined);
    } else {
      this.logger[level]({ context, stack }, String(message));
    }
  }
}
