/**
 * Reading posted form fields (`application/x-www-form-urlencoded`, see session/form-body.ts) and
 * placing the API's field problems beside the form's fields. Pure functions.
 */
import type { FieldProblem } from '../../common/validation/validation-pipe.js';
import type { ShownProblem } from '../i18n/field-messages.js';

/** A field's text, or '' when it is missing or repeated. */
export const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The values of a group of checkboxes: none, one (a string) or several (an array). */
export function valuesOf(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}

/** The id of a form field's element (dots are awkward in CSS selectors and fragment links). */
export const fieldId = (name: string): string => `f-${name.replace(/\./g, '-')}`;

export interface FieldErrors<M = string> {
  /** for the summary at the top of the form: each field once, with a link target */
  problems: { field: string; id: string; messages: M[] }[];
  /** the messages shown next to one field */
  errorsOf(field: string): M[];
}

/** Problems already mapped to form fields, grouped by field (the API's English messages). */
export function fieldErrors(problems: readonly FieldProblem[]): FieldErrors {
  return groupedByField(problems.map(({ field, problems: messages }) => [field, messages]));
}

/** Problems as a page shows them (in its language where the catalogue can: i18n/field-messages.ts), grouped by field. */
export function shownFieldErrors(shown: readonly ShownProblem[]): FieldErrors<ShownProblem> {
  return groupedByField(shown.map((problem) => [problem.field, [problem]]));
}

function groupedByField<M>(entries: readonly (readonly [string, readonly M[]])[]): FieldErrors<M> {
  const byField = new Map<string, M[]>();
  for (const [field, messages] of entries) byField.set(field, [...(byField.get(field) ?? []), ...messages]);
  return {
    problems: [...byField].map(([field, messages]) => ({ field, id: fieldId(field), messages })),
    errorsOf: (field) => byField.get(field) ?? [],
  };
}
