/** A posted text field, or '' when it is missing or was sent as a list. */
export const formText = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The values of a checkbox group: none, one (a string) or several (a list) arrive from a form. */
export const formChoices = (value: unknown): string[] =>
  ([] as unknown[]).concat(value ?? []).filter((choice): choice is string => typeof choice === 'string');
