/**
 * Loads a generated data set into the benchmark's own database through the real schema, in
 * batches of multi-row INSERT ... SELECT FROM unnest(...), each batch one transaction, two
 * batches in flight while the next is generated. A marker table written last says the load is
 * complete: without it (an interrupted load) everything is wiped and loaded again.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type pg from 'pg';
import type { BlindIndex } from '../../key-store/blind-index.js';
import type { FieldVault } from '../../key-store/field-vault.js';
import { SEALED_COLUMNS } from '../../key-store/sealed-columns.js';
import { MATCHER_VERSION } from '../../matching/engine/person-for-matching.js';
import { todayUtc } from '../../persons/birth-dates/today-utc.js';
import { addRequest, emptyBatch, sealBatch, type BatchRows } from './dataset-rows.js';
import type { DatasetIdentity } from './dataset-folder.js';
import { describeDistribution, type DistributionSummary } from './describe-distribution.js';
import { storedRequests } from './generate-people.js';
import { say } from './progress.js';
import { seededUuid } from './seeded-random.js';

const BATCH_REQUESTS = 1000;
const IN_FLIGHT = 2;
const INFORMATION_NOTICE_VERSION = '2026-01';

export interface LoadedDataset {
  identity: DatasetIdentity;
  organisationId: string;
  loaderOfficerId: string;
  queryOfficerId: string;
  queryOfficerEmail: string;
  loadSeconds: number;
  /** seconds each 100,000 records took, in order */
  secondsPer100k: number[];
  distribution: DistributionSummary;
}

/** Fields whose values differ (the marker comes back from jsonb, which does not keep key order). */
export function identityDifferences(stored: DatasetIdentity, wanted: DatasetIdentity): string[] {
  const keys = new Set([...Object.keys(stored), ...Object.keys(wanted)]) as Set<keyof DatasetIdentity>;
  return [...keys].filter((key) => stored[key] !== wanted[key]);
}

/** The loaded data set described by the marker, or null when there is none (never loaded, or interrupted). */
async function readMarker(pool: pg.Pool): Promise<LoadedDataset | null> {
  const { rows } = await pool.query(`SELECT to_regclass('bench_dataset_loaded') IS NOT NULL AS present`);
  if (!rows[0].present) return null;
  const marker = await pool.query(`SELECT details FROM bench_dataset_loaded LIMIT 1`);
  return (marker.rows[0]?.details as LoadedDataset | undefined) ?? null;
}

/** Opens the data set in the database: reused when the marker names the same identity, else (re)loaded. */
export async function openDataset(
  pool: pg.Pool,
  identity: DatasetIdentity,
  keys: { vault: FieldVault; index: BlindIndex },
): Promise<{ dataset: LoadedDataset; reused: boolean }> {
  const marker = await readMarker(pool);
  const differences = marker ? identityDifferences(marker.identity, identity) : [];
  if (marker && differences.length === 0) return { dataset: marker, reused: true };
  say(
    marker
      ? `the data set in the database differs (${differences.join(', ')}): wiping it`
      : 'no complete data set in the database: loading one',
  );
  await wipe(pool);
  // Only to measure what sealing costs: a plaintext set needs the "sealed only" checks gone.
  if (identity.encryption === 'off') await dropSealedChecks(pool);
  return { dataset: await load(pool, identity, identity.encryption === 'on' ? keys : null), reused: false };
}

async function wipe(pool: pg.Pool): Promise<void> {
  // audit_event is append-only (and references nothing), so it stays.
  await pool.query(`DROP TABLE IF EXISTS bench_dataset_loaded, bench_trgm_name`);
  await pool.query(
    `TRUNCATE organisation, app_user, password_setup_code, tracing_request, intake_consent, person_record, person_contact,
       name_variant, status_change, outbox_message, person_name_key, candidate_match, match_run CASCADE`,
  );
}

async function load(
  pool: pg.Pool,
  identity: DatasetIdentity,
  keys: { vault: FieldVault; index: BlindIndex } | null,
): Promise<LoadedDataset> {
  const started = performance.now();
  const { seed, records } = identity;
  const organisationId = seededUuid(seed, -1, 0, 10);
  const loaderOfficerId = seededUuid(seed, -1, 0, 11);
  const queryOfficerId = seededUuid(seed, -1, 0, 12);
  const queryOfficerEmail = 'officer@speed-bench.example';
  await pool.query(`INSERT INTO organisation (id, name, code) VALUES ($1, 'Speed Benchmark Society', 'speed-bench')`, [organisationId]);
  await pool.query(
    `INSERT INTO app_user (id, organisation_id, email, display_name, roles)
     VALUES ($1, $3, 'bulk-loader@speed-bench.example', 'Bulk loader', '{officer}'), ($2, $3, $4, 'Benchmark officer', '{officer}')`,
    [loaderOfficerId, queryOfficerId, organisationId, queryOfficerEmail],
  );
  await pool.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  await pool.query(`CREATE TABLE bench_trgm_name (person_id uuid PRIMARY KEY, name text NOT NULL)`);

  const today = todayUtc();
  const inFlight = new Set<Promise<void>>();
  const secondsPer100k: number[] = [];
  let loaded = 0;
  let lastLog = performance.now();
  let last100kAt = started;
  let batch = emptyBatch();
  let batchSize = 0;
  let failure: unknown;
  const flush = async () => {
    const rows = batch;
    const size = batchSize;
    batch = emptyBatch();
    batchSize = 0;
    const insert = (keys ? sealBatch(rows, keys) : Promise.resolve())
      .then(() => insertBatch(pool, rows, { organisationId, loaderOfficerId }))
      .then(() => {
        const before = loaded;
        loaded += size;
        const now = performance.now();
        if (Math.floor(loaded / 100_000) > Math.floor(before / 100_000)) {
          secondsPer100k.push(Number(((now - last100kAt) / 1000).toFixed(1)));
          last100kAt = now;
          say(`load: ${loaded} records; the last 100,000 took ${secondsPer100k.at(-1)} s`);
        } else if (now - lastLog > 5000) {
          const rate = loaded / ((now - started) / 1000);
          say(`load: ${loaded}/${records} records (${Math.round(rate)}/s, ${((now - started) / 1000).toFixed(0)} s)`);
          lastLog = now;
        }
      })
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(insert));
    inFlight.add(insert);
    while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    if (failure) throw failure;
  };
  for (const request of storedRequests(seed, records)) {
    addRequest(batch, request, organisationId, today);
    batchSize += 1;
    // Generating is synchronous: let the driver send the batches in flight meanwhile.
    if (batchSize % 100 === 0) await yieldToEventLoop();
    if (batchSize === BATCH_REQUESTS) await flush();
  }
  if (batchSize > 0) await flush();
  await Promise.all(inFlight);
  if (failure) throw failure;
  say(`load: ${loaded} records in ${((performance.now() - started) / 1000).toFixed(0)} s; vacuum, analyse, trigram index...`);

  await pool.query(`SET maintenance_work_mem = '512MB'`);
  // What autovacuum would have done to a store filled over months: hint bits, visibility map, statistics.
  await pool.query(`VACUUM ANALYZE`);
  await pool.query(`CREATE INDEX bench_trgm_name_gin ON bench_trgm_name USING gin (name gin_trgm_ops)`);
  await pool.query(`ANALYZE bench_trgm_name`);

  const dataset: LoadedDataset = {
    identity,
    organisationId,
    loaderOfficerId,
    queryOfficerId,
    queryOfficerEmail,
    loadSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    secondsPer100k,
    distribution: describeDistribution(seed, records),
  };
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL synchronous_commit = on`);
    await client.query(`CREATE TABLE bench_dataset_loaded (details jsonb NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now())`);
    await client.query(`INSERT INTO bench_dataset_loaded (details) VALUES ($1)`, [JSON.stringify(dataset)]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  say(`load: done in ${dataset.loadSeconds} s`);
  return dataset;
}

async function dropSealedChecks(pool: pg.Pool): Promise<void> {
  for (const sealed of SEALED_COLUMNS.filter((c) => c.table === 'person_record' || c.table === 'name_variant')) {
    await pool.query(`ALTER TABLE ${sealed.table} DROP CONSTRAINT IF EXISTS ${sealed.table}_${sealed.column}_sealed`);
  }
  await pool.query(`ALTER TABLE person_name_key DROP CONSTRAINT IF EXISTS person_name_key_key_blind`);
}

async function insertBatch(pool: pg.Pool, rows: BatchRows, ids: { organisationId: string; loaderOfficerId: string }): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // A lost tail after a crash is harmless: the marker, committed synchronously, comes last.
    await client.query(`SET LOCAL synchronous_commit = off`);
    const r = rows.requests;
    await client.query(
      `INSERT INTO tracing_request (id, reference, organisation_id, officer_id, lifecycle, status, created_at, updated_at)
       SELECT id, ref, $1, $2, 'open', 'searching', c, c
       FROM unnest($3::uuid[], $4::text[], $5::timestamptz[]) AS t(id, ref, c)`,
      [ids.organisationId, ids.loaderOfficerId, r.id, r.reference, r.createdAt],
    );
    await client.query(
      `INSERT INTO intake_consent (request_id, consents_to_processing, agrees_to_be_found, agrees_to_identity_shared,
         information_notice_version, recorded_by, recorded_at)
       SELECT id, true, f, s, $1, $2, c FROM unnest($3::uuid[], $4::bool[], $5::bool[], $6::timestamptz[]) AS t(id, f, s, c)`,
      [INFORMATION_NOTICE_VERSION, ids.loaderOfficerId, r.id, r.agreesToBeFound, r.agreesToIdentityShared, r.createdAt],
    );
    const p = rows.persons;
    await client.query(
      `INSERT INTO person_record (id, request_id, organisation_id, role, position, relationship_to_enquirer, sex, birth_date_kind,
         birth_calendar, birth_date_input, birth_earliest, birth_latest, place_of_birth_country, nationality, languages,
         preferred_language, legal_basis, status, created_at, updated_at, match_profile)
       SELECT id, rid, $1, role, pos, rel, sex, kind, cal, input::jsonb, earliest, latest, pob, nat, string_to_array(langs, ','),
         pref, basis, status, c, c, profile
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
         $11::date[], $12::date[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::timestamptz[],
         $20::text[])
         AS t(id, rid, role, pos, rel, sex, kind, cal, input, earliest, latest, pob, nat, langs, pref, basis, status, c, profile)`,
      [
        ids.organisationId,
        p.id,
        p.requestId,
        p.role,
        p.position,
        p.relationship,
        p.sex,
        p.birthDateKind,
        p.birthCalendar,
        p.birthDateInput,
        p.birthEarliest,
        p.birthLatest,
        p.placeOfBirthCountry,
        p.nationality,
        p.languages,
        p.preferredLanguage,
        p.legalBasis,
        p.status,
        p.createdAt,
        p.matchProfile,
      ],
    );
    const n = rows.names;
    await client.query(
      `INSERT INTO name_variant (person_id, position, part, value, script, language)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [n.personId, n.position, n.part, n.value, n.script, n.language],
    );
    const k = rows.keys;
    await client.query(
      `INSERT INTO person_name_key (organisation_id, key, person_id, is_target, matcher_version)
       SELECT $1, key, pid, target, $2 FROM unnest($3::text[], $4::uuid[], $5::bool[]) AS t(key, pid, target)`,
      [ids.organisationId, MATCHER_VERSION, k.key, k.personId, k.isTarget],
    );
    await client.query(`INSERT INTO bench_trgm_name (person_id, name) SELECT * FROM unnest($1::uuid[], $2::text[])`, [
      rows.baseline.personId,
      rows.baseline.name,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
