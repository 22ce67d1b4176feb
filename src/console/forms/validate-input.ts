import { BadRequestException, type Type } from '@nestjs/common';
import { TextSafetyPipe } from '../../common/validation/text-safety.pipe.js';
import { createValidationPipe, type FieldProblem } from '../../common/validation/validation-pipe.js';
import { type ConsoleFieldProblem, describeFailures, UNSAFE_TEXT_RULE } from './failed-rules.js';

export type Validated<T> = { ok: true; value: T } | { ok: false; fields: ConsoleFieldProblem[] };

/** Carries the failures out of the pipe with their rules, where the API's pipe would build its 400 body. */
class FieldsRefused extends Error {
  constructor(readonly fields: ConsoleFieldProblem[]) {
    super('the input has invalid fields');
  }
}

const textSafety = new TextSafetyPipe();
// The API's pipe and options; only the failure is kept whole. `target: true` lets describeFailures
// read each rule's declared limits; the object stays in this process and is never shown.
const validation = createValidationPipe({
  validationError: { target: true, value: false },
  exceptionFactory: (errors) => new FieldsRefused(describeFailures(errors)),
});

/**
 * Runs the API's own pipes (text safety, then the DTO's class-validator rules) on input a console
 * form built, so a page gets the API's field problems (and the rules behind them, for its own
 * language) and the API's rules are not copied.
 */
export async function validateInput<T extends object>(
  metatype: Type<T>,
  input: unknown,
  type: 'body' | 'query' = 'body',
): Promise<Validated<T>> {
  try {
    const safe: unknown = textSafety.transform(input);
    const value = (await validation.transform(safe, { type, metatype })) as T;
    return { ok: true, value };
  } catch (error) {
    if (error instanceof FieldsRefused) return { ok: false, fields: error.fields };
    if (error instanceof BadRequestException) {
      const body = error.getResponse() as { fields?: FieldProblem[] };
      return { ok: false, fields: (body.fields ?? []).map((field) => ({ ...field, rules: [{ constraint: UNSAFE_TEXT_RULE, args: [] }] })) };
    }
    throw error;
  }
}
