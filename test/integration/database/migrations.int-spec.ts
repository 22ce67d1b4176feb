import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS } from '../../../src/database/data-source-options.js';

const listTables = async (db: DataSource) =>
  (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`)).map(
    (r: { tablename: string }) => r.tablename,
  );

describe('migrations', () => {
  const name = `migrations_${randomBytes(4).toString('hex')}`;
  const admin = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
  let db: DataSource;

  beforeAll(async () => {
    await admin.initialize();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    db = new DataSource(dataSourceOptions(url.toString()));
    await db.initialize();
  });

  afterAll(async () => {
    await db.destroy();
    await admin.query(`DROP DATABASE ${name}`);
    await admin.destroy();
  });

  it('run up on an empty database and all the way down again', async () => {
    expect(await listTables(db)).toEqual([]);
    await db.runMigrations({ transaction: 'each' });
    expect(await listTables(db)).toEqual(
      expect.arrayContaining([
        'organisation',
        'app_user',
        'tracing_request',
        'person_record',
        'name_variant',
        'person_contact',
        'audit_event',
        'outbox_message',
        'status_change',
        'intake_consent',
      ]),
    );
    for (let i = 0; i < MIGRATIONS.length; i += 1) await db.undoLastMigration({ transaction: 'each' });
    expect(await listTables(db)).toEqual([]);
    await db.runMigrations({ transaction: 'each' });
    expect((await listTables(db)).length).toBeGreaterThan(5);
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    await db.query(`INSERT INTO audit_event (action, outcome) VALUES ('test.event', 'allowed')`);
    await expect(db.query(`UPDATE audit_event SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it('enforces the domain rules in constraints, not only in code', async () => {
    const [org] = await db.query(`INSERT INTO organisation (name, code) VALUES ('Org', 'org-x') RETURNING id`);
    await expect(
      db.query(`INSERT INTO app_user (organisation_id, email, display_name, roles) VALUES ($1, 'a@b.c', 'A', '{wizard}')`, [org.id]),
    ).rejects.toThrow(/check/);
    const [user] = await db.query(
      `INSERT INTO app_user (organisation_id, email, display_name, roles) VALUES ($1, 'a@b.c', 'A', '{officer}') RETURNING id`,
      [org.id],
    );
    await expect(
      db.query(`INSERT INTO app_user (organisation_id, email, display_name, roles) VALUES ($1, 'A@B.C', 'A', '{officer}')`, [org.id]),
    ).rejects.toThrow(/unique/);
    const insertRequest = (reference: string) =>
      db.query(
        `INSERT INTO tracing_request (reference, organisation_id, officer_id, status) VALUES ($1, $2, $3, 'submitted') RETURNING id`,
        [reference, org.id, user.id],
      );
    const [request] = await insertRequest('TR-2026-000001');
    await expect(insertRequest('TR-2026-000001')).rejects.toThrow(/unique/);
    await expect(insertRequest('not-a-reference')).rejects.toThrow(/check/);
    const insertPerson = (birthEarliest: string, birthLatest: string) =>
      db.query(
        `INSERT INTO person_record (request_id, organisation_id, role, position, legal_basis, status, relationship_to_enquirer, birth_date_kind, birth_calendar, birth_earliest, birth_latest)
         VALUES ($1, $2, 'sought', 1, 'vital_interest', 'submitted', 'child', 'range', 'gregorian', $3, $4)`,
        [request.id, org.id, birthEarliest, birthLatest],
      );
    await expect(insertPerson('1990-01-01', '1980-01-01')).rejects.toThrow(/check/);
    await insertPerson('1980-01-01', '1990-01-01');
    // an enquirer is always there on consent, and has no search status
    await expect(
      db.query(
        `INSERT INTO person_record (request_id, organisation_id, role, position, legal_basis) VALUES ($1, $2, 'enquirer', 0, 'vital_interest')`,
        [request.id, org.id],
      ),
    ).rejects.toThrow(/check/);
  });
});
