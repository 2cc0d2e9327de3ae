import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.js';

// A static list, never a directory scan: the bundle and the tests see exactly the same migrations.
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
