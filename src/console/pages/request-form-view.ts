import { NAME_PARTS, RELATIONSHIPS, SEXES } from '../../persons/person-vocabulary.js';
import { SAFEGUARDING_FLAGS } from '../../tracing-requests/request-vocabulary.js';
import { fieldId, shownFieldErrors } from '../forms/form-fields.js';
import type { RequestForm } from '../forms/request-form.js';
import type { ShownProblem } from '../i18n/field-messages.js';

/** Scripts offered in the form; the API takes any ISO 15924 code, these are the ones the matcher reads. */
const SCRIPTS = ['', 'Arab', 'Latn', 'Cyrl', 'Ethi', 'Grek'];
/** Languages the survivor-facing status has texts in (src/case-status/messages). */
const STATUS_LANGUAGES = ['ar', 'en', 'fr', 'uk', 'ti', 'am', 'so', 'ps', 'prs', 'ckb'];

/** What the request form template (views/request-form.eta) needs besides its title and target, for a new request and an edit alike. */
export function requestFormData(form: RequestForm, shown: readonly ShownProblem[]) {
  return {
    form,
    ...shownFieldErrors(shown),
    fieldId,
    vocabulary: {
      parts: NAME_PARTS,
      scripts: SCRIPTS,
      sexes: SEXES,
      relationships: RELATIONSHIPS,
      flags: SAFEGUARDING_FLAGS,
      languages: STATUS_LANGUAGES,
    },
  };
}
