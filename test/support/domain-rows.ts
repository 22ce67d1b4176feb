import type { DataSource } from 'typeorm';

/** Tables the API's writes touch; audit events and failed-login bookkeeping are not domain data. */
export const DOMAIN_TABLES = [
  'tracing_request',
  'person_record',
  'name_variant',
  'person_contact',
  'intake_consent',
  'status_change',
  'outbox_message',
  'candidate_match',
  'review_decision',
  'pair_decision',
  'request_link',
  'follow_up_question',
  'identity_check',
  'found_person_consent',
  'disclosure_override',
  'sharing_agreement',
  'erasure_tombstone',
  'retention_policy',
] as const;

/** Row counts per domain table, to prove that a refused request wrote nothing. */
export async function countDomainRows(db: DataSource): Promise<Record<string, number>> {
  const counts = await Promise.all(
    DOMAIN_TABLES.map(async (table) => [table, (await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number] as const),
  );
  return Object.fromEntries(counts);
}
