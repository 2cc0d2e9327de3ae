import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Makes the write-ahead log durable without blocking the event loop. With synchronous=FULL, SQLite calls
 * fsync inside COMMIT, on the calling thread: for better-sqlite3 that is the event loop, and a group
 * commit of ~30 submissions spent most of its ~0.8 ms there. The batcher instead commits with
 * synchronous=NORMAL (SQLite writes the WAL frames but does not sync them) and then awaits this fsync,
 * which libuv runs on its thread pool, before it answers anyone: an acknowledged write is on disk exactly
 * as with FULL. Checkpoints sync on their own at every level above OFF.
 */
export class WalSync {
  private handle?: Promise<fs.FileHandle>;

  constructor(private readonly walFile: string) {}

  async flush(): Promise<void> {
    // A failed open is tried again by the next batch rather than failing every batch from then on.
    this.handle ??= this.open().catch((err: unknown) => {
      this.handle = undefined;
      throw err;
    });
    await (await this.handle).sync();
  }

  private async open(): Promise<fs.FileHandle> {
    const handle = await fs.open(this.walFile, 'r');
    // The log's directory entry too, once: SQLite created the file, but only FULL would have synced it.
    const dir = await fs.open(path.dirname(this.walFile), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
    return handle;
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await (await handle)?.close();
  }
}
