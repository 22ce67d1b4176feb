import type { DataSource } from 'typeorm';
import type { BlindIndex } from '../key-store/blind-index.js';
import type { FieldVault } from '../key-store/field-vault.js';
import type { EngineRole, EngineSex } from '../matching/engine/person-for-matching.js';
import { nameKeyRows, toPersonForMatching } from '../matching/name-keys.js';
import { PersonNameKey } from '../matching/entities/person-name-key.entity.js';
import { openMatchProfile } from '../persons/sealed-person.js';

interface PlainKeyed {
  id: string;
  role: EngineRole;
  sex: EngineSex;
  birthEarliest: string | null;
  birthLatest: string | null;
  placeOfBirthCountry: string | null;
  lastKnownCountry: string | null;
  matchProfile: string | null;
  organisationId: string;
  isTarget: boolean;
}

/** People with a blocking key stored in plaintext (from before decision 0028), a chunk at a time. */
const PLAIN_KEYED_SQL = `
  SELECT p.id, p.role, p.sex, p.birth_earliest::text AS "birthEarliest", p.birth_latest::text AS "birthLatest",
         p.place_of_birth_country AS "placeOfBirthCountry", p.last_known_country AS "lastKnownCountry",
         p.match_profile AS "matchProfile", min(k.organisation_id::text) AS "organisationId", bool_or(k.is_target) AS "isTarget"
  FROM person_record p JOIN person_name_key k ON k.person_id = p.id
  WHERE k.key NOT LIKE '_%:#%'
  GROUP BY p.id
  LIMIT $1`;

/**
 * Replaces plaintext blocking keys with blind indexes made from the person's match profile, each
 * person in a transaction of its own under the lock a match job takes on the person: a job that
 * rewrites the keys meanwhile writes the same blind indexes. Whether a person is a target
 * (an enquirer who did not agree to be found is not) is kept as stored.
 */
export async function reindexPlainBlockingKeys(
  dataSource: DataSource,
  vault: FieldVault,
  index: BlindIndex,
  options: { chunk: number; onChunk: (reindexed: number) => void },
): Promise<void> {
  for (;;) {
    const people: PlainKeyed[] = await dataSource.query(PLAIN_KEYED_SQL, [options.chunk]);
    if (people.length === 0) return;
    for (const person of people) {
      const profile = person.matchProfile === null ? null : await openMatchProfile(vault, person.id, person.matchProfile);
      await dataSource.transaction(async (manager) => {
        await manager.query(`SELECT 1 FROM person_record WHERE id = $1 FOR NO KEY UPDATE`, [person.id]);
        await manager.delete(PersonNameKey, { personId: person.id });
        // No profile: a record whose names are gone has nothing to be found by.
        if (!profile) return;
        const engine = toPersonForMatching({ ...person, placeOfBirth: profile.placeOfBirth }, profile.names);
        const rows = nameKeyRows(index, engine, person.organisationId, person.isTarget);
        if (rows.length > 0) await manager.insert(PersonNameKey, rows);
      });
    }
    options.onChunk(people.length);
  }
}
