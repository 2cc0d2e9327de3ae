import type { Config } from './config.js';
import { type Db, migrateToLatest, openSqlite } from './db/database.js';
import { WriteBatcher } from './db/writeBatcher.js';
import type { AppDeps } from './deps.js';
import { createLogger } from './logger.js';
import { assertUsedVersionsUnchanged } from './questionnaire/frozen.js';
import { loadQuestionnaires } from './questionnaire/registry.js';
import { ensureAdmin } from './repositories/users.js';

export function openDatabase(url: string): Db {
  if (/^postgres(ql)?:\/\//i.test(url)) throw new Error('PostgreSQL support is not available in this build yet; use a SQLite file path.');
  return openSqlite(url);
}

/**
 * Everything the service needs before it serves: questionnaires validated, database migrated, frozen
 * questionnaire versions checked, an admin present. Shared by `npm start` and the demo.
 */
export async function boot(config: Config): Promise<{ deps: AppDeps; createdAdminToken?: string }> {
  const logger = createLogger(config.logLevel);
  const questionnaires = loadQuestionnaires(config.questionnairesDir);
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db);
  await assertUsedVersionsUnchanged(db, questionnaires);
  const clock = () => new Date();
  const { createdToken } = await ensureAdmin(db, config.adminToken, clock());
  return { deps: { db, writes: new WriteBatcher(db), config, questionnaires, clock, logger }, createdAdminToken: createdToken };
}
