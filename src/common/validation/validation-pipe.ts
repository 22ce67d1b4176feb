import { BadRequestException, ValidationPipe, type ValidationError, type ValidationPipeOptions } from '@nestjs/common';
import { joinFieldPath } from './field-path.js';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/**
 * Flattens nested validation errors to dotted paths (`persons.0.names.1.value`). Values are never
 * included, and an unknown key only as far as it looks like a field name (field-path.ts): the
 * whitelist's own message ("property <key> should not exist") would quote it whatever it holds.
 */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return failedFields(errors, prefix).map(({ field, error }) => ({
    field,
    problems: Object.entries(error.constraints ?? {}).map(([constraint, message]) =>
      constraint === 'whitelistValidation' ? WHITELIST_MESSAGE : message,
    ),
  }));
}

export const WHITELIST_MESSAGE = 'is not a field of this request';

/** Each error that has failed constraints of its own, with its dotted path (`persons.0.names.1.value`). */
export function failedFields(errors: ValidationError[], prefix = ''): { field: string; error: ValidationError }[] {
  return errors.flatMap((error) => {
    const field = joinFieldPath(prefix, error.property);
    const own = error.constraints ? [{ field, error }] : [];
    return [...own, ...failedFields(error.children ?? [], field)];
  });
}

/** The one global pipe: unknown fields rejected, payloads transformed to DTO classes, 400 with the fields that are wrong. */
export function createValidationPipe(overrides: Partial<ValidationPipeOptions> = {}): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new BadRequestException({
        statusCode: 400,
        code: 'validation_failed',
        message: 'the request has invalid fields',
        fields: flattenValidationErrors(errors),
      }),
    ...overrides,
  });
}
