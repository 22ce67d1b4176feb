import { loadEnvironment } from '../config/environment.js';
import { runMigrations } from './migrate.js';

/** One-shot migration step for deployments (docker-compose `migrate` service). */
const { DATABASE_URL } = loadEnvironment();
await runMigrations(DATABASE_URL);
process.stdout.write('migrations applied\n');
