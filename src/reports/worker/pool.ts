import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { AssessmentReportJob } from '../model/reportJob.js';
import { RenderQueue } from './renderQueue.js';

// Reports are drawn on worker threads so a report being built never stalls other requests: a report is
// a few hundred milliseconds of synchronous text layout and chart drawing.
//
// Production runs compiled JavaScript (dist/), where the worker is renderWorker.js beside this file.
// Under vitest or tsx this module is TypeScript: the worker is then renderWorker.ts, loaded through tsx
// (a dev dependency) so it runs the same code as the tests see.

const fromSource = import.meta.url.endsWith('.ts');

// A report thread's heap limits. What the old-generation limit really sets is how often V8 collects: on
// 64-bit it lets the heap grow by a factor of 1.3 past what survived the last full collection when the limit
// is 256 MB or less, rising linearly to 2.0 just under 2,048 MB, and 4.0 from 2,048 MB up
// (MemoryController::MaxGrowingFactor). 2,047 MB takes the largest factor below 4. Measured on a
// 1,000-respondent report (median of a thread's last 8 of 14 reports, 2026-12-02): 192 MB → 296-298 ms and
// a peak RSS of 270-272 MB; 2,047 → 210-220 ms, 306-312 MB; no limit → 176-233 ms, 333-355 MB. Submissions
// while 8 reports are drawn kept p99 39-42 ms (192 MB: 37-49 ms). So a report costs about 35 MB more at its
// peak and 80 ms less; the limit also still ends a runaway report's thread (the report is then made on the
// event loop, below).
const HEAP_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 2_047 };

let pool: Piscina<AssessmentReportJob, Uint8Array> | undefined;

/** One thread per core but one, so the event loop keeps a core; at least one. */
export function reportPoolSize(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

async function getPool(): Promise<Piscina<AssessmentReportJob, Uint8Array>> {
  if (pool) return pool;
  // node-canvas is unloaded when the last thread that uses it exits; a worker thread exiting then takes
  // the process down with a segfault. Loading it on the main thread keeps the library resident.
  await import('canvas');
  const size = reportPoolSize();
  pool ??= new Piscina<AssessmentReportJob, Uint8Array>({
    filename: new URL(fromSource ? './renderWorker.ts' : './renderWorker.js', import.meta.url).href,
    execArgv: fromSource ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [],
    minThreads: size,
    maxThreads: size,
    resourceLimits: HEAP_LIMITS,
  });
  return pool;
}

// Loaded only when a thread fails: the drawing code is large, and the service starts faster without it.
async function onThisThread() {
  const [{ reportModelOf }, { renderReportPdf }, { renderReportDocx }] = await Promise.all([
    import('../model/reportJob.js'),
    import('../pdf/renderReport.js'),
    import('../docx/renderDocx.js'),
  ]);
  return {
    pdf: (job: AssessmentReportJob) => renderReportPdf(reportModelOf(job)),
    docx: (job: AssessmentReportJob) => renderReportDocx(reportModelOf(job)),
  };
}

/**
 * Scores the assessment, builds the model and draws the report on the worker pool. Should the worker
 * fail (a report too large for its heap limits takes the thread down), the report is made once more on
 * this thread rather than lost; an error that is the report's own fails again there and reaches the caller.
 * When `signal` aborts, piscina drops the job if it waits, or ends its thread if it runs (the pool starts
 * another): nobody is waiting for that report any more.
 */
export async function renderJobInWorker(job: AssessmentReportJob, signal?: AbortSignal): Promise<Buffer> {
  let out: Uint8Array;
  try {
    out = await (await getPool()).run(job, { signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    return (await onThisThread()).pdf(job);
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * The Word report on the same threads (renderWorker.ts `renderDocxTask`): charts, layout and the zip take
 * hundreds of milliseconds of synchronous work for a large assessment. Made on this thread if the worker fails.
 */
export async function renderDocxJobInWorker(job: AssessmentReportJob, signal?: AbortSignal): Promise<Buffer> {
  let out: Uint8Array;
  try {
    out = await (await getPool()).run(job, { signal, name: 'renderDocxTask' });
  } catch (err) {
    if (signal?.aborted) throw err;
    return (await onThisThread()).docx(job);
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * Starts the report threads (if they are not running) and has each draw `jobs`, one after another, so fonts,
 * charts and compiled code are ready before anyone asks: a thread's first report takes about a second
 * whatever it shows, its third about two thirds of its first warm one (reports-http bench, 2026-12-02).
 * The drawing goes through the report queue, so it also gives the queue its first timings, and a report
 * asked for meanwhile waits for one warm-up report at most. Failures are ignored: the first real report then
 * simply starts cold.
 */
export async function warmReportPool(jobs: () => Promise<AssessmentReportJob[]>, opts: { whenIdle?: boolean } = {}): Promise<void> {
  warming += 1;
  try {
    await getPool();
    const rounds = await jobs().catch(() => []);
    const q = reportQueue();
    await Promise.all(
      Array.from({ length: reportPoolSize() }, async () => {
        for (const round of rounds) {
          // With `whenIdle`, real reports first: a round starts only on an idle queue.
          while (opts.whenIdle && (q.active > 0 || q.queued > 0)) await new Promise((resolve) => setTimeout(resolve, 50));
          await q.run((signal) => renderJobInWorker(round, signal)).catch(() => undefined);
        }
      }),
    );
  } finally {
    warming -= 1;
  }
}

let warming = 0;

/**
 * True while the report threads are being started and warmed: a report asked for now waits behind the
 * warm-up and is drawn by a thread that is not yet fast. GET /readyz says so, for a load balancer or a
 * deploy script to wait on before sending people here.
 */
export function reportThreadsWarming(): boolean {
  return warming > 0;
}

/**
 * A report request waits at most this long for its turn and its drawing; beyond it, it is refused at once
 * (well inside the API's 30 s request timeout, and about as long as someone waits for a download to start).
 */
export const REPORT_MAX_WAIT_MS = 10_000;

/**
 * What a report is assumed to take until one has been timed: on purpose more than a warm report takes on an
 * idle machine (0.25-0.4 s), about what one took at nice 19 while other processes kept both cores busy
 * (1.9 s), so that a burst right after start-up is not admitted on a hope.
 */
export const INITIAL_ESTIMATE_MS = 2_000;

let queue: RenderQueue | undefined;

/**
 * The one queue in front of this process's report threads, shared by every service in the process as the
 * threads are: as many jobs run at once as there are threads, so the bound follows from their number.
 */
export function reportQueue(): RenderQueue {
  return (queue ??= new RenderQueue({ concurrency: reportPoolSize(), maxWaitMs: REPORT_MAX_WAIT_MS, initialEstimateMs: INITIAL_ESTIMATE_MS }));
}

/** Report jobs waiting for a thread and running on one, for /metrics. */
export function reportQueueStats(): { queued: number; running: number } {
  return { queued: queue?.queued ?? 0, running: queue?.active ?? 0 };
}

/** Stops the pool's threads (tests, shutdown); the next report starts a new pool. */
export async function closeReportPool(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.destroy();
}
