import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * WAL checkpoints on a thread of their own. SQLite copies the WAL back into the database file from the
 * connection whose commit pushes the WAL past its threshold, and with better-sqlite3 that connection is
 * the event loop's: measured under submit load, 6% of commits took 3-14 ms instead of ~0.7 ms, stalling
 * every request meanwhile. Here a second connection checkpoints in PASSIVE mode (it never blocks a
 * writer or a reader) a few times a second, and the service's connection keeps a far higher automatic
 * threshold only as a fallback, should this thread fall behind or stop.
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

// Evaluated as a CommonJS worker so it runs the same under tsx, vitest and compiled JavaScript.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage(String(err && err.message || err)); }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface WalCheckpointer {
  stop(): Promise<void>;
}

export function startWalCheckpointer(file: string, opts: { intervalMs?: number; onError?: (message: string) => void } = {}): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3'), intervalMs: opts.intervalMs ?? 200 },
  });
  // The service's own shutdown decides when the process ends, not this thread.
  worker.unref();
  worker.on('message', (message: string) => opts.onError?.(message));
  worker.on('error', (err) => opts.onError?.(err.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let stopping = false;
  return {
    stop: () => {
      // A thread that already ended (it could not open the file) has nothing to stop.
      if (!stopping) worker.postMessage('stop');
      stopping = true;
      return exited;
    },
  };
}
