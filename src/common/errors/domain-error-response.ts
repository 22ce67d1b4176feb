import {
  AuthenticationError,
  ConflictError,
  DomainError,
  ForbiddenActionError,
  IllegalTransitionError,
  InvalidInputError,
  NotFoundError,
  VersionConflictError,
} from './domain-errors.js';

function statusOf(error: DomainError): number {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof IllegalTransitionError || error instanceof VersionConflictError || error instanceof ConflictError) return 409;
  if (error instanceof ForbiddenActionError) return 403;
  if (error instanceof InvalidInputError) return 400;
  if (error instanceof AuthenticationError) return 401;
  return 500;
}

/** Status and body for a domain error; messages are fixed texts with ids at most, never submitted values. */
export function domainErrorResponse(error: DomainError): { status: number; body: Record<string, unknown> } {
  const statusCode = statusOf(error);
  const body: Record<string, unknown> = { statusCode, code: error.code, message: error.message };
  if (error instanceof InvalidInputError) body.fields = [{ field: error.field, problems: [error.message] }];
  return { status: statusCode, body };
}
