import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { type DatabaseLock, DatabaseInUseError, takeDatabaseLock } from './databaseLock.js';

export class BackupError extends Error {}

/**
 * An online, consistent copy of a SQLite database while the service writes to it. `VACUUM INTO` reads the
 * whole database inside one read transaction: in WAL mode that is a snapshot of one committed state, which
 * writers neither wait for nor disturb, so the copy takes time in proportion to the database's size however
 * fast submissions arrive. (SQLite's backup API, used before, copies a few pages per step and starts over
 * whenever another connection commits: under steady submissions it never finished.)
 */
export async function backupSqlite(source: string, out: string): Promise<{ bytes: number; pages: number }> {
  if (!fs.existsSync(source)) throw new BackupError(`No database at ${source}`);
  if (fs.existsSync(out)) throw new BackupError(`${out} already exists; choose a new file name`);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  // Written under another name and renamed once checked, so a file with the name asked for is always whole.
  const partial = `${out}.partial`;
  fs.rmSync(partial, { force: true });
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(partial);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    db.close();
  }
  // SQLite does not sync the file VACUUM INTO writes; a backup that a power cut could tear is no backup.
  syncFile(partial);
  try {
    checkIntegrity(partial);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  fs.renameSync(partial, out);
  syncFile(path.dirname(path.resolve(out)));
  const bytes = fs.statSync(out).size;
  return { bytes, pages: bytes / pageSize(out) };
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function checkIntegrity(file: string): void {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new BackupError(`${file} failed the integrity check: ${String(result)}`);
    const migrated = db.prepare("select count(*) as n from sqlite_master where name = 'kysely_migration'").get() as { n: number };
    if (!migrated.n) throw new BackupError(`${file} is not a Mehvar database (no migration table)`);
  } finally {
    db.close();
  }
}

function pageSize(file: string): number {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('page_size', { simple: true }) as number;
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the database file. Never under a running service: its open connection would
 * keep writing to the replaced file and acknowledged writes would vanish, so the restore takes the lock
 * the service holds while it runs, and refuses when it cannot. Stale -wal/-shm files of the old database
 * are removed so SQLite cannot replay them onto the restored one.
 */
export async function restoreSqlite(backup: string, target: string, opts: { force: boolean }): Promise<void> {
  checkIntegrity(backup);
  if (fs.existsSync(target) && !opts.force) throw new BackupError(`${target} exists; pass --force to replace it (stop the service first)`);
  let lock: DatabaseLock;
  try {
    lock = takeDatabaseLock(target, { waitMs: 0 });
  } catch (err) {
    if (err instanceof DatabaseInUseError) throw new BackupError(`${err.message}. Stop the service first; nothing was changed.`);
    throw err;
  }
  try {
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    const staging = `${target}.restoring`;
    fs.rmSync(staging, { force: true });
    const src = new SQLite(backup, { readonly: true, fileMustExist: true });
    try {
      await src.backup(staging);
    } finally {
      src.close();
    }
    checkIntegrity(staging);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(staging, target);
  } finally {
    lock.release();
  }
}
