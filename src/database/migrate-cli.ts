import { loadDatabaseUrl } from '../config/environment.js';
import { runMigrations } from './migrate.js';

/** One-shot migration step for deployments (docker-compose `migrate` service). */
await runMigrations(loadDatabaseUrl());
process.stdout.write('migrations applied\n');
