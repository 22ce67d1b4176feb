import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The identifying texts now sealed with the person's key (decision 0028), with their old length limits. */
const SEALED = [
  ['name_variant', 'value', 'length(value) BETWEEN 1 AND 200'],
  ['person_record', 'place_of_birth', 'length(place_of_birth) <= 300'],
  ['person_record', 'last_known_place', 'length(last_known_place) <= 300'],
  ['person_record', 'birth_date_original', 'length(birth_date_original) <= 200'],
] as const;

/**
 * Names, places and the words of a birth date are stored sealed, with a sealed match profile per
 * person (names and place of birth, what a match job reads), and blocking keys as blind indexes
 * (`kind:#…`). As in 1764550000000, the plaintext length checks go (the API checks what is
 * submitted) and the database refuses new plaintext; NOT VALID, so rows written before stay
 * readable until `cli rotate-keys` seals and re-keys them. Their match profile is made here, in
 * plaintext, from the rows as they are, so the matcher reads them meanwhile.
 */
export class SealedNamesAndBlindKeys1764580000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person_record ADD COLUMN match_profile text`);
    await q.query(`
      UPDATE person_record p SET match_profile = json_build_object(
        'names', coalesce((SELECT json_agg(json_build_object('value', n.value, 'part', n.part) ORDER BY n.position)
                           FROM name_variant n WHERE n.person_id = p.id), '[]'::json),
        'placeOfBirth', p.place_of_birth)::text`);
    await q.query(
      `ALTER TABLE person_record ADD CONSTRAINT person_record_match_profile_sealed
         CHECK (match_profile IS NULL OR match_profile LIKE 'enc:v1:%') NOT VALID`,
    );
    for (const [table, column] of SEALED) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_check`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_sealed CHECK (${column} IS NULL OR ${column} LIKE 'enc:v1:%') NOT VALID`,
      );
    }
    await q.query(`ALTER TABLE person_name_key ADD CONSTRAINT person_name_key_key_blind CHECK (key LIKE '_%:#%') NOT VALID`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person_name_key DROP CONSTRAINT person_name_key_key_blind`);
    for (const [table, column, check] of SEALED) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_sealed`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_check CHECK (${check}) NOT VALID`);
    }
    await q.query(`ALTER TABLE person_record DROP COLUMN match_profile`);
  }
}
