import { sql, type Transaction } from 'kysely';
import { type Db, isPostgres, walSyncOf } from './database.js';
import type { Database } from './tables.js';
import type { WalSync } from './walSync.js';

type Job = { fn: (trx: Transaction<Database>) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };

/** Serialization failure and deadlock: the transaction did nothing and may simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

/**
 * Group commit on SQLite. With synchronous=FULL every commit waits for the disk, so one transaction per
 * request caps throughput at the disk's flush rate. Writes that arrive while a commit is under way are queued
 * and run together in the next transaction, each inside its own savepoint so one failing write does not undo
 * the others; every caller is answered only after the shared commit, so an acknowledged write is durable.
 * On a file, the commit's fsync runs off the event loop (commitThenSync).
 *
 * On PostgreSQL each write is its own transaction from the pool: the server already groups WAL flushes of
 * concurrent commits, and a shared transaction would hold one request's row locks while the others run,
 * which across instances only adds lock waits and deadlocks. A write that loses a deadlock or a
 * serialization check (CockroachDB runs SERIALIZABLE) is retried, so `fn` must be safe to run again: database work only.
 */
export class WriteBatcher {
  private queue: Job[] = [];
  private running = false;
  private readonly postgres: boolean;
  private readonly walSync?: WalSync;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 200,
  ) {
    this.postgres = isPostgres(db);
    this.walSync = walSyncOf(db);
  }

  run<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    if (this.postgres) return this.runAlone(fn);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) {
        this.running = true;
        // Wait for the check phase: every request whose bytes arrived in this turn of the event loop has
        // then queued its write. Started at once, the flush would run inside the first request's
        // microtasks (SQLite answers synchronously) and every batch would hold a single write.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async runAlone<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute(fn);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      }
    }
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) await this.flush(this.queue.splice(0, this.maxBatch));
    } finally {
      this.running = false;
    }
  }

  /**
   * The batch commits without SQLite's own fsync, on a connection held throughout so no other statement
   * runs at the relaxed level; the WAL is then synced off the event loop (WalSync) before anyone is answered.
   */
  private async commitThenSync(run: (trx: Transaction<Database>) => Promise<void>, walSync: WalSync): Promise<void> {
    await this.db.connection().execute(async (conn) => {
      await sql`pragma synchronous = normal`.execute(conn);
      try {
        await conn.transaction().execute(run);
      } finally {
        await sql`pragma synchronous = full`.execute(conn);
      }
    });
    await walSync.flush();
  }

  private async flush(batch: Job[]): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    const run = async (trx: Transaction<Database>) => {
      for (const job of batch) {
        if (batch.length === 1) {
          outcomes.push({ ok: true, value: await job.fn(trx) });
          continue;
        }
        await sql`savepoint batch_item`.execute(trx);
        try {
          const value = await job.fn(trx);
          await sql`release savepoint batch_item`.execute(trx);
          outcomes.push({ ok: true, value });
        } catch (error) {
          await sql`rollback to savepoint batch_item`.execute(trx);
          await sql`release savepoint batch_item`.execute(trx);
          outcomes.push({ ok: false, error });
        }
      }
    };
    try {
      if (this.walSync) await this.commitThenSync(run, this.walSync);
      else await this.db.transaction().execute(run);
    } catch (error) {
      // The commit itself failed, or its fsync did: nothing in this batch is acknowledged.
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const o = outcomes[i];
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }
}
