import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { migrateToLatest, openSqlite } from '../../src/db/database.js';
import { startWalCheckpointer } from '../../src/db/walCheckpointer.js';

describe('WAL checkpoints off the event loop', () => {
  it('copies committed pages into the database file from its own thread', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-ckpt-'));
    const file = path.join(dir, 'm.sqlite');
    const db = openSqlite(file);
    onTestFinished(async () => {
      await db.destroy();
      // The checkpoint thread closes its connection (removing the -wal file) after destroy returns.
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    });
    await migrateToLatest(db);
    // The service's own connection checkpoints only past the (high) fallback threshold.
    expect((await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0].wal_autocheckpoint).toBe(10_000);

    await sleep(400); // let the thread catch up with the migration
    const before = fs.statSync(file).size;
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 200; i++)
        await trx.insertInto('users').values({ id: `u${i}`, role: 'consultant', name: 'x'.repeat(150), token_hash: `h${i}`, organization_id: null, created_at: 'now' }).execute();
    });
    // Far below the fallback threshold, so only the checkpoint thread can have grown the database file.
    let after = before;
    for (let waited = 0; after <= before && waited < 5_000; waited += 50) {
      await sleep(50);
      after = fs.statSync(file).size;
    }
    expect(after).toBeGreaterThan(before);
    expect(await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual({ n: 200 });
  });

  it('reports a thread that cannot checkpoint instead of failing silently', async () => {
    const errors: string[] = [];
    const checkpointer = startWalCheckpointer(path.join(os.tmpdir(), 'mehvar-no-such-dir', 'm.sqlite'), { onError: (m) => errors.push(m) });
    onTestFinished(() => checkpointer.stop());
    for (let waited = 0; errors.length === 0 && waited < 5_000; waited += 50) await sleep(50);
    expect(errors.join(' ')).toMatch(/unable to open|directory does not exist/i);
  });
});
