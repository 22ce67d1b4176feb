import { BadRequestException, type Type } from '@nestjs/common';
import { InvalidInputError } from '../../common/errors/domain-errors.js';
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

export type Submitted<R> = { ok: true; result: R } | { ok: false; problems: ConsoleFieldProblem[] };

/**
 * A form's body through the API's pipes, then through the service: the problems either finds (the
 * DTO's rules, or an InvalidInputError of the service) placed at the form's fields by `fieldOf`.
 * Nothing runs when validation fails, and the service writes nothing when it refuses.
 */
export async function submitForm<T extends object, R>(
  metatype: Type<T>,
  body: unknown,
  fieldOf: (path: string) => string,
  run: (value: T) => Promise<R>,
): Promise<Submitted<R>> {
  const input = await validateInput(metatype, body);
  if (!input.ok) return { ok: false, problems: input.fields.map((problem) => ({ ...problem, field: fieldOf(problem.field) })) };
  try {
    return { ok: true, result: await run(input.value) };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return { ok: false, problems: [{ field: fieldOf(error.field), problems: [error.message], rules: [] }] };
  }
}

/** The reason code a one-select form posts, checked by the API's DTO; a missing or unknown one is a 400 saying `choose`. */
export async function reasonCodeFrom<T extends { reasonCode: string }>(
  metatype: Type<T>,
  fields: Record<string, unknown>,
  choose: string,
): Promise<string> {
  const input = await validateInput(metatype, { reasonCode: fields.reasonCode });
  if (!input.ok) throw new InvalidInputError('reasonCode', choose);
  return input.value.reasonCode;
}
