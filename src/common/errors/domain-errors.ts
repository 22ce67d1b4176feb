/** Errors the domain raises; one filter maps them to HTTP (domain-error.filter.ts). Messages never carry personal data. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** Unknown, or belongs to another organisation: the caller cannot tell which. */
export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  constructor(entity: string) {
    super(`${entity} not found`);
  }
}

export class IllegalTransitionError extends DomainError {
  readonly code = 'illegal_transition';
  constructor(from: string, to: string) {
    super(`cannot move from ${from} to ${to}`);
  }
}

/** The caller's copy is stale: someone else changed the record since it was read. */
export class VersionConflictError extends DomainError {
  readonly code = 'version_conflict';
  constructor(entity: string, expected: number, actual: number) {
    super(`${entity} is at version ${actual}, not ${expected}; read it again`);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'conflict';
}

/** Known record, but this caller may not perform this action on it (they may see that it exists). */
export class ForbiddenActionError extends DomainError {
  readonly code = 'forbidden';
}

/** Input that passed the DTO's shape checks but breaks a domain rule; `field` names where. */
export class InvalidInputError extends DomainError {
  readonly code = 'invalid_input';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class AuthenticationError extends DomainError {
  readonly code = 'unauthenticated';
  constructor() {
    super('invalid credentials or token');
  }
}
