import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

export class BackupError extends Error {}

/**
 * An online, consistent copy of a SQLite database made with SQLite's backup API: it may run while the
 * service is writing, and the copy is a snapshot of one committed state.
 */
export async function backupSqlite(source: string, out: string): Promise<{ bytes: number; pages: number }> {
  if (!fs.existsSync(source)) throw new BackupError(`No database at ${source}`);
  if (fs.existsSync(out)) throw new BackupError(`${out} already exists; choose a new file name`);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const { totalPages } = await db.backup(out);
    checkIntegrity(out);
    return { bytes: fs.statSync(out).size, pages: totalPages };
  } finally {
    db.close();
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

/**
 * Puts a backup in place of the database file. The service must be stopped: an open connection would keep
 * writing to the replaced file. Stale -wal/-shm files of the old database are removed so SQLite cannot
 * replay them onto the restored one.
 */
export async function restoreSqlite(backup: string, target: string, opts: { force: boolean }): Promise<void> {
  checkIntegrity(backup);
  if (fs.existsSync(target) && !opts.force) throw new BackupError(`${target} exists; pass --force to replace it (stop the service first)`);
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
}
