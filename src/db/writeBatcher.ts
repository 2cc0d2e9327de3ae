import { sql, type Transaction } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './tables.js';

type Job = { fn: (trx: Transaction<Database>) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };

/**
 * Group commit. With synchronous=FULL every commit waits for the disk, so one transaction per request caps
 * throughput at the disk's flush rate. Writes that arrive while a commit is under way are queued and run
 * together in the next transaction, each inside its own savepoint so one failing write does not undo the
 * others; every caller is answered only after the shared commit, so an acknowledged write is durable.
 */
export class WriteBatcher {
  private queue: Job[] = [];
  private running = false;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 200,
  ) {}

  run<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) await this.flush(this.queue.splice(0, this.maxBatch));
    } finally {
      this.running = false;
    }
  }

  private async flush(batch: Job[]): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await this.db.transaction().execute(async (trx) => {
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
      });
    } catch (error) {
      // The commit itself failed: nothing in this batch was stored.
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
