import type { DataSource } from 'typeorm';
import { isSealed } from '../../src/key-store/field-vault.js';
import { SEALED_COLUMNS } from '../../src/key-store/sealed-columns.js';
import { openTestKeyStore } from './key-store.js';

/**
 * Columns of the person tables that hold closed vocabularies (codes shared by everyone, such as
 * 'sought', 'ar' or 'possible_match'), not data about a person: the one thing left out of
 * personStrings. Every other text, date, array or JSON column is read, including ones added later.
 */
const CODE_COLUMNS = new Set([
  'person_record.role',
  'person_record.relationship_to_enquirer',
  'person_record.sex',
  'person_record.birth_date_kind',
  'person_record.birth_calendar',
  'person_record.legal_basis',
  'person_record.status',
  'person_record.languages',
  'person_record.preferred_language',
  'name_variant.part',
  'name_variant.script',
  'name_variant.language',
]);
const CODE_KEYS_IN_JSON = new Set(['kind', 'calendar']);

function leaves(value: unknown, key = ''): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => leaves(v, key));
  if (typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, k));
  if (typeof value === 'string') return CODE_KEYS_IN_JSON.has(key) ? [] : [value];
  return [];
}

/**
 * Every stored string (and date, as YYYY-MM-DD) of these persons in person_record, name_variant and
 * person_contact – the sealed values opened (names, places, the match profile, contact texts), since
 * what they hold is what must not leak.
 */
export async function personStrings(db: DataSource, personIds: readonly string[]): Promise<string[]> {
  const tables = { person_record: 'id', name_variant: 'person_id', person_contact: 'person_id' } as const;
  const found = new Set<string>();
  const { keys, vault } = await openTestKeyStore();
  try {
    for (const [table, key] of Object.entries(tables)) {
      const columns: { column_name: string }[] = await db.query(
        `SELECT column_name FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1
           AND data_type IN ('text', 'character', 'character varying', 'date', 'jsonb', 'json', 'ARRAY')`,
        [table],
      );
      const read = columns.map((c) => c.column_name).filter((c) => !CODE_COLUMNS.has(`${table}.${c}`));
      // As JSON, so dates read as PostgreSQL writes them (YYYY-MM-DD), whatever the test's time zone.
      const rows: { row: Record<string, unknown> }[] = await db.query(
        `SELECT to_jsonb(t) AS row FROM ${table} t WHERE ${key} = ANY($1::uuid[])`,
        [personIds],
      );
      for (const { row } of rows) {
        for (const column of read) {
          const sealed = SEALED_COLUMNS.find((c) => c.table === table && c.column === column);
          const value = row[column];
          const stored =
            sealed && typeof value === 'string' && isSealed(value)
              ? await vault.open({ id: row[sealed.subjectColumn] as string, type: 'person' }, sealed.field, value)
              : value;
          const texts = sealed?.field === 'match_profile' && typeof stored === 'string' ? profileTexts(stored) : leaves(stored);
          for (const text of texts) if (text.length > 0) found.add(text);
        }
      }
    }
  } finally {
    await keys.close();
  }
  return [...found];
}

/** A match profile's names and place, without the names' parts (codes). */
function profileTexts(profile: string): string[] {
  const { names, placeOfBirth } = JSON.parse(profile) as { names: { value: string }[]; placeOfBirth: string | null };
  return [...names.map((n) => n.value), ...(placeOfBirth ? [placeOfBirth] : [])];
}

/** The people's name variants as recorded – opened, since they are stored sealed – by person position, then name position. */
export async function namesOf(
  db: DataSource,
  personIds: readonly string[],
): Promise<{ personId: string; value: string; script: string | null }[]> {
  const rows: { personId: string; value: string; script: string | null }[] = await db.query(
    `SELECT n.person_id AS "personId", n.value, n.script FROM name_variant n JOIN person_record p ON p.id = n.person_id
     WHERE n.person_id = ANY($1::uuid[]) ORDER BY p.position, n.position`,
    [personIds],
  );
  const { keys, vault } = await openTestKeyStore();
  try {
    for (const row of rows) row.value = (await vault.open({ id: row.personId, type: 'person' }, 'name', row.value)) as string;
    return rows;
  } finally {
    await keys.close();
  }
}

/** The name variants of every person of a request, opened, in the order of namesOf. */
export async function namesOfRequest(db: DataSource, requestId: string) {
  const people: { id: string }[] = await db.query(`SELECT id FROM person_record WHERE request_id = $1`, [requestId]);
  return namesOf(
    db,
    people.map((p) => p.id),
  );
}
