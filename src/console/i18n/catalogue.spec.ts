import {
  CHECK_METHODS,
  CHECK_OUTCOMES,
  CONSENT_DECISIONS,
  CONSENT_SCOPES,
  OVERRIDE_REASONS,
  WITHDRAWAL_REASONS,
} from '../../disclosure/disclosure-vocabulary.js';
import { FIND_SIDES } from '../../disclosure/dto/find-list.dto.js';
import { FIND_STATES } from '../../disclosure/find-state.js';
import { IDENTITY_CHECK_STATES } from '../../disclosure/identity-check-rule.js';
import { MODEL_WEIGHTS } from '../../matching/engine/data/model-weights.js';
import { STRENGTH } from '../../matching/engine/token-similarity.js';
import { NAME_PARTS, RELATIONSHIPS, SEXES } from '../../persons/person-vocabulary.js';
import { BANDS, DECISION_REASONS, DECISIONS, REVIEW_STATUSES } from '../../review/review-vocabulary.js';
import { REQUEST_STATUSES, SAFEGUARDING_FLAGS, STATUS_REASON_CODES } from '../../tracing-requests/request-vocabulary.js';
import { ROLES } from '../../users/role.js';
import { fill, INTERFACE_LANGUAGES, loadCatalogues, makeCatalogue, readMessages } from './catalogue.js';

const directory = new URL('./messages/', import.meta.url);

describe('console catalogues', () => {
  const english = readMessages(directory, 'en');

  it.each(INTERFACE_LANGUAGES)('%s has every key of the English catalogue, each with the same {slots}', (language) => {
    const own = readMessages(directory, language);
    expect(Object.keys(own).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      const slots = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect({ key, slots: slots(own[key]) }).toEqual({ key, slots: slots(text) });
    }
  });

  it('has a text for every value of the vocabularies the pages show', () => {
    const outcomes = [
      ...['agree', 'partial', 'disagree', 'unknown', 'not_needed', 'none'],
      ...Object.keys(MODEL_WEIGHTS.birth),
      ...Object.keys(MODEL_WEIGHTS.place),
    ];
    const keys = [
      ...REQUEST_STATUSES.map((v) => `status.${v}`),
      ...STATUS_REASON_CODES.map((v) => `statusReason.${v}`),
      ...SAFEGUARDING_FLAGS.map((v) => `flag.${v}`),
      ...REVIEW_STATUSES.map((v) => `reviewStatus.${v}`),
      ...BANDS.map((v) => `band.${v}`),
      ...DECISIONS.map((v) => `decision.${v}`),
      ...Object.values(DECISION_REASONS).flatMap((reasons) => reasons.map((v) => `reason.${v}`)),
      ...STRENGTH.filter((v) => v !== 'none').map((v) => `agreement.${v}`),
      ...outcomes.map((v) => `outcome.${v}`),
      ...NAME_PARTS.map((v) => `part.${v}`),
      ...SEXES.map((v) => `sex.${v}`),
      ...RELATIONSHIPS.map((v) => `relationship.${v}`),
      ...ROLES.map((v) => `role.${v}`),
      ...FIND_STATES.map((v) => `findState.${v}`),
      ...FIND_SIDES.map((v) => `findSide.${v}`),
      ...IDENTITY_CHECK_STATES.map((v) => `checkState.${v}`),
      ...CHECK_OUTCOMES.map((v) => `checkOutcome.${v}`),
      ...CHECK_METHODS.map((v) => `checkMethod.${v}`),
      ...CONSENT_DECISIONS.map((v) => `consentDecision.${v}`),
      ...CONSENT_SCOPES.map((v) => `scope.${v}`),
      ...WITHDRAWAL_REASONS.map((v) => `consentWithdrawal.${v}`),
      ...OVERRIDE_REASONS.map((v) => `overrideReason.${v}`),
    ];
    expect(keys.filter((key) => !(key in english))).toEqual([]);
  });

  it('Arabic mirrors the layout, English does not', () => {
    const catalogues = loadCatalogues(directory);
    expect(catalogues.ar.direction).toBe('rtl');
    expect(catalogues.en.direction).toBe('ltr');
  });

  it('fills named slots and leaves unknown ones visible', () => {
    expect(fill('Request {reference} of {n}', { reference: 'TR-2026-000001' })).toBe('Request TR-2026-000001 of {n}');
  });

  it('falls back to English, then to the key, for a text a translation lacks', () => {
    const catalogue = makeCatalogue('ar', { direction: 'rtl' }, { 'nav.home': 'Home' });
    expect(catalogue.t('nav.home')).toBe('Home');
    expect(catalogue.t('no.such.key')).toBe('no.such.key');
  });
});
