import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { WriteBatcher } from './db/writeBatcher.js';
import type { User } from './domain/records.js';
import type { QuestionnaireRegistry } from './questionnaire/registry.js';

/** Everything the app needs, injected so tests build it on an in-memory database. */
export interface AppDeps {
  db: Db;
  /** Group commit for the hot write paths (answers, submissions). */
  writes: WriteBatcher;
  config: Config;
  questionnaires: QuestionnaireRegistry;
  clock: () => Date;
  logger: Logger;
}

export interface AppEnv {
  Variables: { user: User; deps: AppDeps };
}
