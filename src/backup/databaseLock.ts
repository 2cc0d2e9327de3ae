import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { isPostgresUrl } from '../db/database.js';

/**
 * Who is using an embedded database, told by a lock on a small sidecar database `<file>.lock`. The service
 * holds it for as long as it runs and a restore takes it before it replaces the file. An exclusive SQLite
 * transaction is an OS file lock: it is released when the process ends in any way, SIGKILL and power loss
 * included, so a crashed service never leaves it behind (a lock file made with O_EXCL would stay).
 */
export class DatabaseInUseError extends Error {}

export interface DatabaseLock {
  release(): void;
}

export const lockFileOf = (databaseFile: string) => `${path.resolve(databaseFile)}.lock`;

/**
 * Takes the lock, waiting up to `waitMs` for another holder to let go (a service restarted right after a
 * kill waits for the old process to be gone). Keep the returned object referenced: if it were garbage
 * collected its connection would close and the lock go with it.
 */
export function takeDatabaseLock(databaseFile: string, opts: { waitMs: number }): DatabaseLock {
  const file = lockFileOf(databaseFile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new SQLite(file);
  try {
    db.pragma(`busy_timeout = ${opts.waitMs}`);
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY')
      throw new DatabaseInUseError(`${databaseFile} is in use: a running Mehvar service (or a restore) holds its lock, ${file}`);
    throw err;
  }
  return { release: () => db.close() };
}

/**
 * The lock a service holds on its database for as long as it runs, `npm start` and `npm run demo` alike
 * (none for PostgreSQL or an in-memory database, which no file restore replaces). Waits up to 5 s, for a
 * service restarted right after a kill.
 */
export function takeServiceLock(databaseUrl: string): DatabaseLock | undefined {
  return isPostgresUrl(databaseUrl) || databaseUrl === ':memory:' ? undefined : takeDatabaseLock(databaseUrl, { waitMs: 5000 });
}
