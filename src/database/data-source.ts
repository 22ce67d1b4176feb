import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadDatabaseUrl } from '../config/environment.js';
import { dataSourceOptions } from './data-source-options.js';

/** For the TypeORM CLI (`npm run migration:run`, `migration:revert`) on compiled output. */
export default new DataSource(dataSourceOptions(loadDatabaseUrl()));
