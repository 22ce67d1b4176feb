/**
 * The caseworker's form for the found person's answer, as posted and back: form → the body of
 * POST /v1/finds/:candidateId/consents, and the API's field paths → the form's fields. Pure functions.
 */
import { textOf, valuesOf } from './form-fields.js';

export interface ConsentForm {
  decision: string;
  scopes: string[];
  message: string;
  validUntil: string;
}

export const emptyConsentForm = (): ConsentForm => ({ decision: '', scopes: [], message: '', validUntil: '' });

export function readConsentForm(fields: Record<string, unknown>): ConsentForm {
  return {
    decision: textOf(fields.decision),
    scopes: valuesOf(fields.scopes),
    message: textOf(fields.message),
    validUntil: textOf(fields.validUntil),
  };
}

/** Empty optional fields are left out (the API has no empty message or date); the rest goes as typed, for the API to judge. */
export function toConsentBody(form: ConsentForm): Record<string, unknown> {
  return {
    decision: form.decision,
    scopes: form.scopes,
    ...(form.message.trim() !== '' && { message: form.message }),
    ...(form.validUntil.trim() !== '' && { validUntil: form.validUntil.trim() }),
  };
}

const FIELDS = ['decision', 'scopes', 'message', 'validUntil'];

/** `scopes.1` → `scopes`; a path the form has no field for is shown at the decision. */
export function consentFieldOf(path: string): string {
  const field = path.split('.')[0];
  return FIELDS.includes(field) ? field : 'decision';
}
