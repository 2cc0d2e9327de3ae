import { Unavailable } from '../../domain/errors.js';

/**
 * Refused at once because the queue already holds more than `maxWaitMs` of work: waiting would only end
 * in the request timeout. `retryAfterSeconds` says when the queue should have room again (the API's
 * 503 carries it as Retry-After).
 */
export class ReportsBusyError extends Unavailable {
  declare readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(`Reports are being made for other requests and this one would wait too long, so it was not started. Try again in ${retryAfterSeconds} s.`, retryAfterSeconds, 'reportsBusy');
  }
}

/** The client went away before its report was made; nobody reads this answer. */
export class ReportCancelledError extends Unavailable {
  constructor() {
    super('The request ended before its report was made; the report was not made.', undefined, 'cancelled');
  }
}

export interface RenderQueueOptions {
  /** Jobs that run at once: the report threads. */
  concurrency: number;
  /** A job whose expected completion is further away than this is refused instead of queued. */
  maxWaitMs: number;
  /** Render time assumed until the first job has been timed. */
  initialEstimateMs: number;
}

interface Waiting {
  start: () => void;
  cancel: () => void;
}

/** How much a new timing moves the estimate: about the last five jobs count. */
const SMOOTHING = 0.3;

/**
 * A bounded FIFO in front of the report threads. It admits a job only if, at the current moving estimate
 * of a job's render time, the jobs ahead of it and the job itself would be done within `maxWaitMs`; a job
 * whose caller gives up (its signal aborts) leaves the queue, or is stopped if it already runs.
 */
export class RenderQueue {
  private readonly waiting: Waiting[] = [];
  /** Start times of the jobs running now. */
  private readonly runningSince = new Set<{ at: number }>();
  private estimate: number;
  private timed = false;
  readonly counts = { started: 0, completed: 0, cancelled: 0, refused: 0 };

  constructor(readonly opts: RenderQueueOptions) {
    this.estimate = opts.initialEstimateMs;
  }

  get estimateMs(): number {
    return this.estimate;
  }

  get queued(): number {
    return this.waiting.length;
  }

  get active(): number {
    return this.runningSince.size;
  }

  /**
   * When a job admitted now would be done. A job already running longer than the estimate shows the
   * estimate is low (the machine got busier): its time so far counts until the next timing comes in.
   */
  expectedMs(): number {
    const now = performance.now();
    let perJob = this.estimate;
    for (const { at } of this.runningSince) perJob = Math.max(perJob, now - at);
    return ((this.runningSince.size + this.waiting.length + 1) * perJob) / this.opts.concurrency;
  }

  /** A job's render time: the first replaces the assumed value, later ones move the estimate. */
  private observe(ms: number): void {
    this.estimate = this.timed ? this.estimate + SMOOTHING * (ms - this.estimate) : ms;
    this.timed = true;
  }

  run<T>(task: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new ReportCancelledError());
    const expected = this.expectedMs();
    if (expected > this.opts.maxWaitMs) {
      this.counts.refused++;
      return Promise.reject(new ReportsBusyError(Math.max(1, Math.ceil((expected - this.opts.maxWaitMs) / 1000))));
    }
    return new Promise<T>((resolve, reject) => {
      const job: Waiting = {
        start: () => {
          signal?.removeEventListener('abort', leave);
          void this.execute(task, signal).then(resolve, reject);
        },
        cancel: () => reject(new ReportCancelledError()),
      };
      const leave = () => {
        const at = this.waiting.indexOf(job);
        if (at < 0) return;
        this.waiting.splice(at, 1);
        this.counts.cancelled++;
        job.cancel();
      };
      signal?.addEventListener('abort', leave, { once: true });
      this.waiting.push(job);
      this.next();
    });
  }

  private next(): void {
    while (this.runningSince.size < this.opts.concurrency && this.waiting.length) this.waiting.shift()!.start();
  }

  private async execute<T>(task: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal?.addEventListener('abort', stop, { once: true });
    const since = { at: performance.now() };
    this.runningSince.add(since);
    this.counts.started++;
    try {
      const value = await task(controller.signal);
      // Only finished jobs are timed: a job stopped halfway says nothing about how long one takes.
      this.observe(performance.now() - since.at);
      this.counts.completed++;
      return value;
    } catch (err) {
      if (!controller.signal.aborted) throw err;
      this.counts.cancelled++;
      throw new ReportCancelledError();
    } finally {
      signal?.removeEventListener('abort', stop);
      this.runningSince.delete(since);
      this.next();
    }
  }
}
