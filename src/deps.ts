import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { User } from './db/tables.js';
import type { QuestionnaireRegistry } from './questionnaire/registry.js';

/** Everything the app needs, injected so tests build it on an in-memory database. */
export interface AppDeps {
  db: Db;
  config: Config;
  questionnaires: QuestionnaireRegistry;
  clock: () => Date;
  logger: Logger;
}

export interface AppEnv {
  Variables: { user: User; deps: AppDeps };
}
