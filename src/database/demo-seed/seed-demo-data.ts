/**
 * Demo data for the first local start: two organisations, one account per role in each, and about
 * 200 synthetic tracing requests written the way the service writes them (same reference sequence,
 * consent, status history and outbox rows), so the worker starts matching as soon as it runs.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type QueryDeepPartialEntity } from 'typeorm';
import { hashPassword } from '../../auth/password-hashing.js';
import { PersonNameKey } from '../../matching/entities/person-name-key.entity.js';
import { nameKeyRows, toPersonForMatching } from '../../matching/name-keys.js';
import { Organisation } from '../../organisations/organisation.entity.js';
import { writeMatchPersonToOutbox } from '../../outbox/outbox-writer.js';
import type { BlindIndex } from '../../key-store/blind-index.js';
import type { FieldVault } from '../../key-store/field-vault.js';
import type { CalendarDate } from '../../persons/birth-dates/calendars.js';
import { todayUtc } from '../../persons/birth-dates/today-utc.js';
import { NameVariant } from '../../persons/entities/name-variant.entity.js';
import { PersonContact } from '../../persons/entities/person-contact.entity.js';
import { PersonRecord } from '../../persons/entities/person-record.entity.js';
import { personDetails } from '../../persons/person-writer.js';
import type { NamePart } from '../../persons/person-vocabulary.js';
import { sealMatchProfile, sealName, sealPersonDetails } from '../../persons/sealed-person.js';
import { IntakeConsent } from '../../tracing-requests/entities/intake-consent.entity.js';
import { StatusChange } from '../../tracing-requests/entities/status-change.entity.js';
import { TracingRequest } from '../../tracing-requests/entities/tracing-request.entity.js';
import { ROLES, type Role } from '../../users/role.js';
import { User } from '../../users/user.entity.js';
import { dataSourceOptions } from '../data-source-options.js';
import { DEMO_ORGANISATION_CODES, generateDemoRequests, type DemoOrganisationCode, type DemoRequest } from './generate-demo-requests.js';

export interface DemoAccount {
  organisation: string;
  role: string;
  email: string;
  password: string;
}

const ORGANISATIONS: Record<DemoOrganisationCode, { name: string; label: string }> = {
  'demo-a': { name: 'Demo National Society', label: 'A' },
  'demo-b': { name: 'Demo Delegation', label: 'B' },
};
const INFORMATION_NOTICE_VERSION = '2026-01';

type Row<T> = QueryDeepPartialEntity<T>;

interface Staff {
  organisationId: string;
  officerId: string;
  caseworkerId: string;
}

/**
 * Seeds a migrated database that holds no organisation yet, in one transaction; returns the accounts
 * with their only copy of the passwords, or null when the database was not empty (nothing written).
 */
export async function seedDemoData(databaseUrl: string, vault: FieldVault, index: BlindIndex): Promise<DemoAccount[] | null> {
  const today = todayUtc();
  const requests = generateDemoRequests({ today });
  const accounts = await Promise.all(
    DEMO_ORGANISATION_CODES.flatMap((code) =>
      ROLES.map(async (role) => {
        const password = randomBytes(12).toString('base64url');
        return { code, role, email: `${role}@${code}.example`, password, passwordHash: await hashPassword(password) };
      }),
    ),
  );

  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    return await dataSource.transaction(async (manager) => {
      // Empty means no organisation at all: a start that failed before seeding seeds on the next one.
      await manager.query(`LOCK TABLE organisation IN EXCLUSIVE MODE`);
      if (await manager.exists(Organisation)) return null;
      const staff = {} as Record<DemoOrganisationCode, Staff>;
      for (const code of DEMO_ORGANISATION_CODES) {
        const organisationId = randomUUID();
        await manager.insert(Organisation, { id: organisationId, code, name: ORGANISATIONS[code].name });
        const users = accounts
          .filter((a) => a.code === code)
          .map((a) => ({
            id: randomUUID(),
            organisationId,
            email: a.email,
            passwordHash: a.passwordHash,
            roles: [a.role],
            displayName: `Demo ${a.role[0].toUpperCase()}${a.role.slice(1)} ${ORGANISATIONS[code].label}`,
          }));
        await manager.insert(User, users);
        const idOf = (role: Role) => users.find((u) => u.roles[0] === role)!.id;
        staff[code] = { organisationId, officerId: idOf('officer'), caseworkerId: idOf('caseworker') };
      }
      await insertRequests(manager, { vault, index }, requests, staff, today);
      return accounts.map(({ code, role, email, password }) => ({ organisation: ORGANISATIONS[code].name, role, email, password }));
    });
  } finally {
    await dataSource.destroy();
  }
}

async function insertRequests(
  manager: EntityManager,
  { vault, index: blindIndex }: { vault: FieldVault; index: BlindIndex },
  requests: DemoRequest[],
  staff: Record<DemoOrganisationCode, Staff>,
  today: CalendarDate,
): Promise<void> {
  // The references come from the service's own sequence, in the same format, oldest first.
  const references: string[] = (
    await manager.query(
      `SELECT 'TR-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('tracing_request_number_seq')::text, 6, '0') AS reference
       FROM generate_series(1, $1::int)`,
      [requests.length],
    )
  )
    .map((row: { reference: string }) => row.reference)
    .sort();
  // Spread over the last hours, a minute apart, so "newest first" follows the references.
  const firstAt = Date.now() - requests.length * 60_000;

  const rows = {
    requests: [] as Row<TracingRequest>[],
    consents: [] as Row<IntakeConsent>[],
    persons: [] as Row<PersonRecord>[],
    names: [] as Row<NameVariant>[],
    contacts: [] as Row<PersonContact>[],
    changes: [] as Row<StatusChange>[],
    keys: [] as PersonNameKey[],
  };
  const personIds: string[] = [];
  requests.forEach((request, index) => {
    const { organisationId, officerId, caseworkerId } = staff[request.organisationCode];
    const at = new Date(firstAt + index * 60_000);
    const requestId = randomUUID();
    rows.requests.push({
      id: requestId,
      reference: references[index],
      organisationId,
      officerId,
      caseworkerId,
      lifecycle: 'open',
      status: 'submitted',
      circumstances: request.circumstances,
      safeguardingFlags: request.safeguardingFlags,
      createdAt: at,
      updatedAt: at,
    });
    rows.consents.push({
      requestId,
      consentsToProcessing: true,
      ...request.intakeConsent,
      informationNoticeVersion: INFORMATION_NOTICE_VERSION,
      recordedBy: officerId,
      recordedAt: at,
    });
    const intake = { requestId, fromStatus: null, toStatus: 'submitted', reasonCode: 'intake', changedBy: officerId, changedAt: at };
    rows.changes.push({ ...intake, personId: null });

    [request.enquirer, ...request.soughtPeople].forEach((input, position) => {
      const id = randomUUID();
      const sought = position > 0;
      rows.persons.push({
        ...personDetails(input, today, sought ? `soughtPeople.${position - 1}` : 'enquirer'),
        id,
        requestId,
        organisationId,
        position,
        role: sought ? 'sought' : 'enquirer',
        legalBasis: sought ? 'vital_interest' : 'consent',
        relationshipToEnquirer: 'relationshipToEnquirer' in input ? input.relationshipToEnquirer : null,
        preferredLanguage: 'preferredLanguage' in input ? (input.preferredLanguage ?? null) : null,
        status: sought ? 'submitted' : null,
        createdAt: at,
        updatedAt: at,
      });
      input.names.forEach((name, namePosition) =>
        rows.names.push({
          personId: id,
          position: namePosition,
          part: name.part,
          value: name.value,
          script: name.script ?? null,
          language: name.language ?? null,
        }),
      );
      const { contact } = input;
      if (contact) {
        rows.contacts.push({
          personId: id,
          contactDetails: contact.contactDetails ?? null,
          currentWhereabouts: contact.currentWhereabouts ?? null,
        });
      }
      if (sought) rows.changes.push({ ...intake, personId: id });
      const details = rows.persons.at(-1) as Parameters<typeof toPersonForMatching>[0];
      // Keys are written with the record, as the service does; an enquirer is a target only if findable.
      rows.keys.push(
        ...nameKeyRows(
          blindIndex,
          toPersonForMatching(details, input.names),
          organisationId,
          sought || request.intakeConsent.agreesToBeFound,
        ),
      );
      personIds.push(id);
    });
  });

  // Sealed as the service seals them (decision 0024): the demo shows what a real database holds.
  for (const row of rows.requests) {
    row.circumstances = await vault.seal(
      { id: row.id as string, type: 'request' },
      'circumstances',
      (row.circumstances as string | null) ?? null,
    );
  }
  for (const row of rows.persons) {
    const personId = row.id as string;
    const names = rows.names.filter((name) => name.personId === personId) as { value: string; part: NamePart }[];
    row.matchProfile = await sealMatchProfile(vault, personId, { names, placeOfBirth: (row.placeOfBirth as string | null) ?? null });
    Object.assign(row, await sealPersonDetails(vault, personId, row as Parameters<typeof sealPersonDetails>[2]));
  }
  for (const row of rows.names) row.value = await sealName(vault, row.personId as string, row.value as string);
  for (const row of rows.contacts) {
    const subject = { id: row.personId as string, type: 'person' as const };
    row.contactDetails = await vault.seal(subject, 'contact_details', (row.contactDetails as string | null) ?? null);
    row.currentWhereabouts = await vault.seal(subject, 'current_whereabouts', (row.currentWhereabouts as string | null) ?? null);
  }
  await insertInChunks(manager, TracingRequest, rows.requests);
  await insertInChunks(manager, IntakeConsent, rows.consents);
  await insertInChunks(manager, PersonRecord, rows.persons);
  await insertInChunks(manager, NameVariant, rows.names);
  await insertInChunks(manager, PersonContact, rows.contacts);
  await insertInChunks(manager, StatusChange, rows.changes);
  await insertInChunks(manager, PersonNameKey, rows.keys);
  for (const personId of personIds) await writeMatchPersonToOutbox(manager, { personId, personVersion: 1 });
}

/** Multi-row inserts, kept well below PostgreSQL's limit of 65535 parameters per statement. */
async function insertInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: Row<T>[],
  size = 400,
): Promise<void> {
  for (let start = 0; start < rows.length; start += size) await manager.insert(target, rows.slice(start, start + size));
}
