/**
 * What may be said about an unexpected error outside the process: its class, a database error code
 * and the call stack without its message line. Messages can quote submitted values (PostgreSQL's
 * "invalid input syntax for type uuid: ..."), so they never reach a log line or Redis.
 */
export interface ErrorSummary {
  errorType: string;
  code?: string;
  frames?: string;
}

export function summariseError(error: unknown): ErrorSummary {
  const type = (error as { constructor?: { name?: string } } | null)?.constructor?.name ?? typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  const stack = error instanceof Error ? error.stack : undefined;
  return {
    errorType: type,
    ...(typeof code === 'string' && /^[A-Z0-9_]{1,20}$/.test(code) && { code }),
    ...(stack && {
      frames: stack
        .split('\n')
        .filter((line) => line.trimStart().startsWith('at '))
        .join('\n'),
    }),
  };
}
