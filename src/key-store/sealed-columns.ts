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

/** Every column the vault seals (decision 0024); migration 1764550000000 guards the same five. */
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
];
