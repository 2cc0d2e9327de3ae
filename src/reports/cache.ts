import { ReportCancelledError } from './worker/renderQueue.js';

/** 100 MB of PDFs: a few hundred reports. */
export const DEFAULT_REPORT_CACHE_BYTES = 100 * 1024 * 1024;

interface Pending {
  promise: Promise<Buffer>;
  /** Stops the rendering once every request waiting for it has gone away. */
  controller: AbortController;
  waiters: number;
}

/**
 * Finished PDFs by key, least recently used evicted first, bounded by their total size. Concurrent
 * requests for the same key share one rendering, which is stopped only when all of them have gone.
 */
export class ReportCache {
  private readonly entries = new Map<string, Buffer>();
  private readonly pending = new Map<string, Pending>();
  private size = 0;
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number = DEFAULT_REPORT_CACHE_BYTES) {}

  get bytes(): number {
    return this.size;
  }

  get(key: string): Buffer | undefined {
    const value = this.entries.get(key);
    if (value) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: Buffer): void {
    const prior = this.entries.get(key);
    if (prior) {
      this.entries.delete(key);
      this.size -= prior.byteLength;
    }
    if (value.byteLength > this.maxBytes) return;
    this.entries.set(key, value);
    this.size += value.byteLength;
    for (const [oldest, buf] of this.entries) {
      if (this.size <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.size -= buf.byteLength;
    }
  }

  /**
   * The cached PDF, or the one being made for the key, or a new one from `make`. `signal` is the caller's:
   * when it aborts, this caller stops waiting (ReportCancelledError), and when no caller is left the
   * signal given to `make` aborts too.
   */
  async getOrCreate(key: string, make: (signal: AbortSignal) => Promise<Buffer>, signal?: AbortSignal): Promise<Buffer> {
    const cached = this.get(key);
    if (cached) {
      this.hits++;
      return cached;
    }
    let entry = this.pending.get(key);
    if (!entry) {
      this.misses++;
      const controller = new AbortController();
      const promise = make(controller.signal).then((value) => {
        this.set(key, value);
        return value;
      });
      const created: Pending = { promise, controller, waiters: 0 };
      void promise.then(
        () => this.forget(key, created),
        () => this.forget(key, created),
      );
      this.pending.set(key, (entry = created));
    }
    return this.wait(key, entry, signal);
  }

  private wait(key: string, entry: Pending, signal: AbortSignal | undefined): Promise<Buffer> {
    entry.waiters++;
    if (!signal) return entry.promise;
    return new Promise<Buffer>((resolve, reject) => {
      const leave = () => {
        if (--entry.waiters === 0) {
          // A request arriving from now on starts afresh instead of joining a rendering being stopped.
          this.forget(key, entry);
          entry.controller.abort();
        }
        reject(new ReportCancelledError());
      };
      if (signal.aborted) return leave();
      signal.addEventListener('abort', leave, { once: true });
      entry.promise.then(
        (value) => (signal.removeEventListener('abort', leave), resolve(value)),
        (err) => (signal.removeEventListener('abort', leave), reject(err)),
      );
    });
  }

  private forget(key: string, entry: Pending): void {
    if (this.pending.get(key) === entry) this.pending.delete(key);
  }
}

export function reportCacheKey(assessmentId: string, lang: string, version: string): string {
  return `${assessmentId}|${lang}|${version}`;
}
