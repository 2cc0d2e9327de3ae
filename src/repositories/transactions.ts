import type { Db } from '../db/database.js';

/**
 * Runs `work` in one transaction: every repository function called with the `trx` it receives commits or
 * rolls back together. Services own their transactions; only the query builder stays down here.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
