import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { seedDemoData } from '../../../src/database/demo-seed/seed-demo-data.js';
import { runMigrations } from '../../../src/database/migrate.js';

describe('demo seed', () => {
  const name = `demo_${randomBytes(4).toString('hex')}`;
  const admin = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
  let url: string;

  beforeAll(async () => {
    await admin.initialize();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
    const parsed = new URL(process.env.DATABASE_URL!);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    await runMigrations(url);
  });

  afterAll(async () => {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.destroy();
  });

  it('fills an empty database once, with requests in four scripts queued for matching, and leaves a used one alone', async () => {
    const accounts = await seedDemoData(url);
    expect(accounts?.map((a) => a.role).sort()).toEqual([
      'admin',
      'admin',
      'auditor',
      'auditor',
      'caseworker',
      'caseworker',
      'officer',
      'officer',
      'reviewer',
      'reviewer',
    ]);
    const db = new DataSource({ type: 'postgres', url });
    await db.initialize();
    try {
      const [{ requests }] = await db.query(`SELECT count(*)::int AS requests FROM tracing_request`);
      expect(requests).toBeGreaterThanOrEqual(190);
      const scripts = (await db.query(`SELECT DISTINCT script FROM name_variant ORDER BY 1`)).map((r: { script: string }) => r.script);
      expect(scripts).toEqual(expect.arrayContaining(['Arab', 'Cyrl', 'Ethi', 'Latn']));
      const [{ pending, persons }] = await db.query(
        `SELECT (SELECT count(*)::int FROM outbox_message WHERE dispatched_at IS NULL) AS pending, (SELECT count(*)::int FROM person_record) AS persons`,
      );
      expect(pending).toBe(persons);
      const [{ keyed }] = await db.query(`SELECT count(DISTINCT person_id)::int AS keyed FROM person_name_key`);
      expect(keyed).toBe(persons);
      expect(await seedDemoData(url)).toBeNull();
      const [{ again }] = await db.query(`SELECT count(*)::int AS again FROM tracing_request`);
      expect(again).toBe(requests);
    } finally {
      await db.destroy();
    }
  });
});
