import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { migrateToLatest, openSqlite } from '../../src/db/database.js';
import { WalSync } from '../../src/db/walSync.js';
import { WriteBatcher } from '../../src/db/writeBatcher.js';

async function fileDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-walsync-'));
  const db = openSqlite(path.join(dir, 'm.sqlite'));
  onTestFinished(async () => {
    vi.restoreAllMocks();
    await db.destroy();
    // The checkpoint thread closes its connection (removing the -wal file) after destroy returns.
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });
  await migrateToLatest(db);
  return db;
}

const user = (id: string) => ({ id, role: 'consultant' as const, name: id, token_hash: `hash-${id}`, organization_id: null, created_at: 'now' });

describe('group commit on a SQLite file: the WAL is synced off the event loop before anyone is answered', () => {
  it('answers a write only once its fsync has completed', async () => {
    const db = await fileDb();
    let release!: () => void;
    const synced = vi.spyOn(WalSync.prototype, 'flush').mockImplementation(() => new Promise<void>((r) => (release = r)));
    const writes = new WriteBatcher(db);
    let answered = false;
    const write = writes.run((trx) => trx.insertInto('users').values(user('a')).execute()).then(() => (answered = true));
    await sleep(50);
    expect(synced).toHaveBeenCalledTimes(1);
    expect(answered, 'answered before the WAL was synced').toBe(false);
    release();
    await write;
    expect(answered).toBe(true);
  });

  it('fails the whole batch when the fsync fails, and leaves the connection at synchronous=FULL', async () => {
    const db = await fileDb();
    vi.spyOn(WalSync.prototype, 'flush').mockRejectedValue(new Error('EIO'));
    const writes = new WriteBatcher(db);
    const outcomes = await Promise.allSettled([1, 2, 3].map((i) => writes.run((trx) => trx.insertInto('users').values(user(`u${i}`)).execute())));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    // Every other write on this connection still commits with SQLite's own fsync.
    expect((await sql<{ synchronous: number }>`pragma synchronous`.execute(db)).rows[0].synchronous).toBe(2);
  });

  it('really syncs the log file', async () => {
    const db = await fileDb();
    const probe = await fs.promises.open(os.tmpdir(), 'r');
    const fileHandle = Object.getPrototypeOf(probe);
    await probe.close();
    const sync = vi.spyOn(fileHandle, 'sync');
    const writes = new WriteBatcher(db);
    await Promise.all([1, 2].map((i) => writes.run((trx) => trx.insertInto('users').values(user(`s${i}`)).execute())));
    expect(sync).toHaveBeenCalled();
    expect(await db.selectFrom('users').select('id').where('id', 'like', 's%').execute()).toHaveLength(2);
  });
});

describe('WalSync', () => {
  it('tries to open the log again after a failed attempt', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-walsync-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    const wal = new WalSync(path.join(dir, 'm.sqlite-wal'));
    await expect(wal.flush()).rejects.toThrow(/ENOENT/);
    fs.writeFileSync(path.join(dir, 'm.sqlite-wal'), 'frames');
    await expect(wal.flush()).resolves.toBeUndefined();
    await wal.close();
  });
});
