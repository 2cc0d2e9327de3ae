import type { Db } from '../db/database.js';

/** A trivial query: resolves when the database answers (health check, metrics). */
export async function ping(db: Db): Promise<void> {
  await db.selectFrom('users').select('id').limit(1).execute();
}
