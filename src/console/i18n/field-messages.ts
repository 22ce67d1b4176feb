import type { FieldProblem } from '../../common/validation/validation-pipe.js';
import type { FailedRule } from '../forms/failed-rules.js';
import type { Catalogue } from './catalogue.js';

/** A field's problems as a page shows them: in the page's language, or the API's English where a rule has no text. */
export interface ShownProblem {
  field: string;
  text: string;
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** The catalogue key of a validation rule's text: `validation.maxLength`. */
export const ruleKey = (constraint: string): string => `validation.${constraint}`;

/**
 * Says each field's problems in the catalogue's language, by rule name, with the rule's declared
 * limits in the `{constraint1}`, `{constraint2}` slots. A field with a rule the catalogue has no
 * text for (or a domain problem, which has no rules) keeps the API's English messages, marked so.
 */
export function showProblems(
  problems: readonly (FieldProblem & { rules?: readonly FailedRule[] })[],
  catalogue: Catalogue,
): ShownProblem[] {
  return problems.map(({ field, problems: english, rules = [] }) => {
    const translatable = rules.length > 0 && rules.every((rule) => catalogue.has(ruleKey(rule.constraint)));
    if (!translatable) return { field, text: english.join('; '), lang: 'en', dir: 'ltr' };
    const texts = rules.map((rule) => catalogue.t(ruleKey(rule.constraint), slotsOf(rule.args)));
    return { field, text: texts.join('; '), lang: catalogue.language, dir: catalogue.direction };
  });
}

/** Numbers and words only: a list (isIn's choices) or a pattern is not shown, the texts describe it instead. */
function slotsOf(args: readonly unknown[]): Record<string, string | number> {
  const slots: Record<string, string | number> = {};
  args.forEach((arg, index) => {
    if (typeof arg === 'number' || typeof arg === 'string') slots[`constraint${index + 1}`] = arg;
  });
  return slots;
}
