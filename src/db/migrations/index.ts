import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_audit.js';
import * as m0003 from './0003_release.js';
import * as m0004 from './0004_sessions.js';
import * as m0005 from './0005_final_scores.js';
import * as m0006 from './0006_comments.js';
import * as m0007 from './0007_actions.js';
import * as m0008 from './0008_customer_survey.js';
import * as m0009 from './0009_mail.js';
import * as m0010 from './0010_branding.js';
import * as m0011 from './0011_departments.js';
import * as m0012 from './0012_final_scores_every_n.js';

// A static list, never a directory scan: the bundle and the tests see exactly the same migrations.
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_audit': m0002,
  '0003_release': m0003,
  '0004_sessions': m0004,
  '0005_final_scores': m0005,
  '0006_comments': m0006,
  '0007_actions': m0007,
  '0008_customer_survey': m0008,
  '0009_mail': m0009,
  '0010_branding': m0010,
  '0011_departments': m0011,
  '0012_final_scores_every_n': m0012,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
