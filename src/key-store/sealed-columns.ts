import type { SealedField } from './field-vault.js';
import type { SubjectType } from './key-store.js';

/** Where each sealed field is stored, and which column names the subject whose key seals it. */
export interface SealedColumn {
  table: string;
  column: string;
  field: SealedField;
  subjectColumn: string;
  subjectType: SubjectType;
  /** a unique key of the row, to write the sealed value back */
  rowKey: string;
}

/**
 * Every column the vault seals (decisions 0024, 0028); migrations 1764550000000 and 1764580000000
 * guard the same ones. Columns of one table share its row key, so a row is sealed in one update.
 */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'tracing_request', column: 'circumstances', field: 'circumstances', subjectColumn: 'id', subjectType: 'request', rowKey: 'id' },
  {
    table: 'person_contact',
    column: 'contact_details',
    field: 'contact_details',
    subjectColumn: 'person_id',
    subjectType: 'person',
    rowKey: 'person_id',
  },
  {
    table: 'person_contact',
    column: 'current_whereabouts',
    field: 'current_whereabouts',
    subjectColumn: 'person_id',
    subjectType: 'person',
    rowKey: 'person_id',
  },
  {
    table: 'review_decision',
    column: 'note',
    field: 'decision_note',
    subjectColumn: 'candidate_id',
    subjectType: 'candidate',
    rowKey: 'id',
  },
  {
    table: 'found_person_consent',
    column: 'message',
    field: 'consent_message',
    subjectColumn: 'found_person_id',
    subjectType: 'person',
    rowKey: 'id',
  },
  { table: 'name_variant', column: 'value', field: 'name', subjectColumn: 'person_id', subjectType: 'person', rowKey: 'id' },
  ...(['place_of_birth', 'last_known_place', 'birth_date_original', 'match_profile'] as const).map((column) => ({
    table: 'person_record',
    column,
    field: column,
    subjectColumn: 'id',
    subjectType: 'person' as const,
    rowKey: 'id',
  })),
];
