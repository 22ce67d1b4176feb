import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { PersonForMatching } from '../../matching/engine/person-for-matching.js';
import type { FieldVault } from '../../key-store/field-vault.js';
import { nameKeyRows } from '../../matching/name-keys.js';
import { sealMatchProfile, sealName, sealPersonDetails } from '../../persons/sealed-person.js';
import type { BenchKeys } from '../support/bench-services.js';
import type { LabelledRecord } from './labelled-files.js';

export interface LoadedRecord {
  record: LabelledRecord;
  personId: string;
  requestId: string;
}

export interface LoadedSet {
  organisationId: string;
  loaded: LoadedRecord[];
}

const BATCH = 500;

/** The birth range the service would store for a YYYY or YYYY-MM-DD date. */
export function birthRange(birthDate: string): { kind: 'exact' | 'year' | 'unknown'; earliest: string | null; latest: string | null } {
  if (!birthDate) return { kind: 'unknown', earliest: null, latest: null };
  if (birthDate.length === 4) return { kind: 'year', earliest: `${birthDate}-01-01`, latest: `${birthDate}-12-31` };
  return { kind: 'exact', earliest: birthDate, latest: birthDate };
}

/** What the engine sees of a labelled record (the same mapping the service makes from the stored row). */
export function engineView(record: LabelledRecord, personId: string): PersonForMatching {
  const birth = birthRange(record.birthDate);
  return {
    id: personId,
    role: 'sought',
    names: [{ value: record.fullName, part: 'full' }],
    sex: record.sex === 'M' ? 'male' : record.sex === 'F' ? 'female' : 'unknown',
    birth: birth.earliest && birth.latest ? { earliest: birth.earliest, latest: birth.latest } : null,
    placeOfBirth: record.place ? { text: record.place } : null,
  };
}

/**
 * Stores labelled records through the real schema: one organisation, each record a sought person
 * in a request of its own (legal basis vital interest, which allows tracing), with its name and
 * blocking keys, sealed and blind-indexed as the service stores them. Requests have no enquirer row, so no reciprocity can arise.
 */
export async function loadRecords(db: DataSource, keys: Omit<BenchKeys, 'close'>, records: readonly LabelledRecord[]): Promise<LoadedSet> {
  const suffix = randomUUID().slice(0, 8);
  const [{ id: organisationId }] = await db.query(`INSERT INTO organisation (name, code) VALUES ($1, $2) RETURNING id`, [
    `Quality benchmark ${suffix}`,
    `bench-${suffix}`,
  ]);
  const [{ id: officerId }] = await db.query(
    `INSERT INTO app_user (organisation_id, email, display_name, roles) VALUES ($1, $2, 'Benchmark', '{officer}') RETURNING id`,
    [organisationId, `bench-${suffix}@bench.invalid`],
  );
  const loaded = records.map((record) => ({ record, personId: randomUUID(), requestId: randomUUID() }));
  for (let start = 0; start < loaded.length; start += BATCH) {
    const batch = loaded.slice(start, start + BATCH);
    const sealed = await sealBatch(keys.vault, batch);
    await db.transaction(async (manager) => {
      const references = batch.map(
        (_, i) => `TR-2000-${suffix.replace(/\D/g, '').padEnd(3, '0').slice(0, 3)}${String(start + i).padStart(6, '0')}`,
      );
      await manager.query(
        `INSERT INTO tracing_request (id, reference, organisation_id, officer_id, status)
         SELECT id, reference, $3, $4, 'searching' FROM unnest($1::uuid[], $2::text[]) AS t(id, reference)`,
        [batch.map((r) => r.requestId), references, organisationId, officerId],
      );
      await manager.query(
        `INSERT INTO intake_consent (request_id, consents_to_processing, agrees_to_be_found, agrees_to_identity_shared, information_notice_version, recorded_by)
         SELECT id, true, false, false, 'bench', $2 FROM unnest($1::uuid[]) AS t(id)`,
        [batch.map((r) => r.requestId), officerId],
      );
      const births = batch.map((r) => birthRange(r.record.birthDate));
      await manager.query(
        `INSERT INTO person_record (id, request_id, organisation_id, role, position, relationship_to_enquirer, sex,
                                    birth_date_kind, birth_calendar, birth_earliest, birth_latest, place_of_birth, legal_basis, status,
                                    match_profile)
         SELECT id, request_id, $1, 'sought', 1, 'other', sex, kind, CASE WHEN kind = 'unknown' THEN NULL ELSE 'gregorian' END,
                earliest, latest, place, 'vital_interest', 'searching', profile
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[], $9::text[])
           AS t(id, request_id, sex, kind, earliest, latest, place, profile)`,
        [
          organisationId,
          batch.map((r) => r.personId),
          batch.map((r) => r.requestId),
          batch.map((r) => engineView(r.record, r.personId).sex),
          births.map((b) => b.kind),
          births.map((b) => b.earliest),
          births.map((b) => b.latest),
          sealed.map((r) => r.place),
          sealed.map((r) => r.profile),
        ],
      );
      await manager.query(
        `INSERT INTO name_variant (person_id, position, part, value) SELECT id, 0, 'full', value FROM unnest($1::uuid[], $2::text[]) AS t(id, value)`,
        [batch.map((r) => r.personId), sealed.map((r) => r.name)],
      );
      const keyRows = batch.flatMap((r) => nameKeyRows(keys.index, engineView(r.record, r.personId), organisationId, true));
      await manager.query(
        `INSERT INTO person_name_key (organisation_id, key, person_id, is_target, matcher_version)
         SELECT $1, key, person_id, true, $4 FROM unnest($2::text[], $3::uuid[]) AS t(key, person_id)`,
        [organisationId, keyRows.map((k) => k.key), keyRows.map((k) => k.personId), keyRows[0]?.matcherVersion ?? 1],
      );
    });
  }
  await db.query(`ANALYZE person_name_key`);
  return { organisationId, loaded };
}

/** Each record's name, place and match profile sealed with its person's key, as the service stores them. */
async function sealBatch(vault: FieldVault, batch: readonly LoadedRecord[]) {
  const sealed: { name: string; place: string | null; profile: string }[] = [];
  for (const { record, personId } of batch) {
    const place = record.place || null;
    sealed.push({
      name: await sealName(vault, personId, record.fullName),
      place: (await sealPersonDetails(vault, personId, { placeOfBirth: place, lastKnownPlace: null, birthDateOriginal: null }))
        .placeOfBirth,
      profile: await sealMatchProfile(vault, personId, { names: [{ value: record.fullName, part: 'full' }], placeOfBirth: place }),
    });
  }
  return sealed;
}
