import type { Config } from './config.js';
import { type Db, isPostgresUrl, migrateToLatest, openPostgres, openSqlite } from './db/database.js';
import { WriteBatcher } from './db/writeBatcher.js';
import type { AppDeps } from './deps.js';
import { createLogger } from './logger.js';
import { assertUsedVersionsUnchanged } from './questionnaire/frozen.js';
import { loadQuestionnaires, type QuestionnaireRegistry } from './questionnaire/registry.js';
import { listUsedQuestionnaireVersions } from './repositories/assessments.js';
import { listUsedCustomerQuestionnaireVersions } from './repositories/customerSurveys.js';
import { customerRegistry } from './questionnaire/registry.js';
import { ensureAdmin } from './repositories/users.js';

/** A postgres:// URL opens PostgreSQL (several instances may share it); anything else is a SQLite file. */
export function openDatabase(
  url: string,
  opts: { poolSize?: number; onPoolError?: (err: Error) => void; onCheckpointError?: (message: string) => void } = {},
): Db {
  return isPostgresUrl(url) ? openPostgres(url, opts) : openSqlite(url, opts);
}

/**
 * Everything the service needs before it serves: questionnaires validated, database migrated, frozen
 * questionnaire versions checked, an admin present. Shared by `npm start` and the demo.
 */
export async function boot(
  config: Config,
  questionnaires: QuestionnaireRegistry = loadQuestionnaires(config.questionnairesDir),
): Promise<{ deps: AppDeps; createdAdminToken?: string }> {
  const logger = createLogger(config.logLevel);
  const db = openDatabase(config.databaseUrl, {
    poolSize: config.databasePoolSize,
    onPoolError: (err) => logger.warn({ err }, 'database connection lost; the pool reconnects on demand'),
    onCheckpointError: (message) => logger.warn({ message }, 'WAL checkpoint failed; the next one retries, and the write path checkpoints past 10,000 pages'),
  });
  await migrateToLatest(db);
  assertUsedVersionsUnchanged(await listUsedQuestionnaireVersions(db), questionnaires);
  // Customer answers are stored one character per item too: a customer survey's version is frozen the same way.
  assertUsedVersionsUnchanged(await listUsedCustomerQuestionnaireVersions(db), customerRegistry(questionnaires));
  const clock = () => new Date();
  const { createdToken } = await ensureAdmin(db, config.adminToken, clock());
  return { deps: { db, writes: new WriteBatcher(db), config, questionnaires, clock, logger }, createdAdminToken: createdToken };
}
