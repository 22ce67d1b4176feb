import { BadRequestException, type Type } from '@nestjs/common';
import { TextSafetyPipe } from '../../common/validation/text-safety.pipe.js';
import { createValidationPipe, type FieldProblem } from '../../common/validation/validation-pipe.js';

export type Validated<T> = { ok: true; value: T } | { ok: false; fields: FieldProblem[] };

const textSafety = new TextSafetyPipe();
const validation = createValidationPipe();

/**
 * Runs the API's own pipes (text safety, then the DTO's class-validator rules) on input a console
 * form built, so a page gets exactly the API's field messages and the API's rules are not copied.
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
    if (error instanceof BadRequestException) {
      const body = error.getResponse() as { fields?: FieldProblem[] };
      return { ok: false, fields: body.fields ?? [] };
    }
    throw error;
  }
}
