import type { ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { failedFields, type FieldProblem, flattenValidationErrors } from '../../common/validation/validation-pipe.js';

/** A validation rule an input broke: its class-validator name (`maxLength`) and the limits it was declared with (`[200]`). */
export interface FailedRule {
  constraint: string;
  args: readonly unknown[];
}

/** The API's field problem (its English messages) and the rules behind it, so a page can say it in its own language. */
export interface ConsoleFieldProblem extends FieldProblem {
  rules: FailedRule[];
}

/** The rule the text-safety pipe applies before class-validator (NUL, broken Unicode, nesting too deep). */
export const UNSAFE_TEXT_RULE = 'unsafeText';

/**
 * The API's flattened problems, each with its failed rules. The limits come from the DTO's own
 * class-validator metadata, found through the validated object (`error.target`), so a nested DTO's
 * rules are found as well as the top-level ones.
 */
export function describeFailures(errors: ValidationError[]): ConsoleFieldProblem[] {
  const failed = failedFields(errors);
  return flattenValidationErrors(errors).map((problem, index) => {
    const { error } = failed[index];
    const rules = Object.keys(error.constraints ?? {}).map((constraint) => ({
      constraint,
      args: declaredArgs(error.target, error.property, constraint),
    }));
    return { ...problem, rules };
  });
}

function declaredArgs(target: object | undefined, property: string, constraint: string): readonly unknown[] {
  if (!target) return [];
  const declared = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  return declared.find((rule) => rule.propertyName === property && rule.name === constraint)?.constraints ?? [];
}
