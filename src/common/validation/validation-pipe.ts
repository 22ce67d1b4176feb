import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
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
  return errors.flatMap((error) => {
    const field = joinFieldPath(prefix, error.property);
    const problems = Object.entries(error.constraints ?? {}).map(([constraint, message]) =>
      constraint === 'whitelistValidation' ? 'is not a field of this request' : message,
    );
    const own = error.constraints ? [{ field, problems }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** The one global pipe: unknown fields rejected, payloads transformed to DTO classes, 400 with the fields that are wrong. */
export function createValidationPipe(): ValidationPipe {
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
  });
}
