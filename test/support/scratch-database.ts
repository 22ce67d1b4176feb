import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { runMigrations } from '../../src/database/migrate.js';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database of the test cluster for a test that must own a whole database (a restore, a
 * key rotation, a seed), named `<prefix>_<random>`; drop() removes it, connections and all.
 */
export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
  await admin.initialize();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.destroy();
  }
  const parsed = new URL(process.env.DATABASE_URL!);
  parsed.pathname = `/${name}`;
  return {
    url: parsed.toString(),
    drop: async () => {
      const again = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
      await again.initialize();
      try {
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await again.destroy();
      }
    },
  };
}

/**
 * A scratch database with the service's schema, for a suite whose apps must be the only ones on
 * their data: in the shared database every other suite's outbox rows, organisations and requests
 * are there too, and any relay or periodic job still running elsewhere in the process acts on them.
 */
export async function createMigratedScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const scratch = await createScratchDatabase(prefix);
  try {
    await runMigrations(scratch.url);
  } catch (error) {
    await scratch.drop();
    throw error;
  }
  return scratch;
}
