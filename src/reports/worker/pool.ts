import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { type AssessmentReportJob, reportModelOf } from '../model/reportJob.js';
import { renderReportPdf } from '../pdf/renderReport.js';

// Reports are drawn on worker threads so a report being built never stalls other requests: a report is
// a few hundred milliseconds of synchronous text layout and chart drawing.
//
// Production runs compiled JavaScript (dist/), where the worker is renderWorker.js beside this file.
// Under vitest or tsx this module is TypeScript: the worker is then renderWorker.ts, loaded through tsx
// (a dev dependency) so it runs the same code as the tests see.

const fromSource = import.meta.url.endsWith('.ts');

const HEAP_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 192 };

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
    // Left alone, V8 lets a report thread's heap grow well past what a report keeps alive. Measured with
    // a 1,000-respondent report (whose live heap stays far below these limits): the service's peak RSS
    // drops from ~330 MB to ~275 MB, a report takes ~400 ms instead of ~330 ms.
    resourceLimits: HEAP_LIMITS,
  });
  return pool;
}

/**
 * Scores the assessment, builds the model and draws the report on the worker pool. Should the worker
 * fail (a report too large for its heap limits takes the thread down), the report is made once more on
 * this thread rather than lost; an error that is the report's own fails again there and reaches the caller.
 */
export async function renderJobInWorker(job: AssessmentReportJob): Promise<Buffer> {
  let out: Uint8Array;
  inFlight++;
  try {
    out = await (await getPool()).run(job);
  } catch {
    return renderReportPdf(reportModelOf(job));
  } finally {
    inFlight--;
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

let inFlight = 0;

/** Report jobs waiting for a thread and running on one, for /metrics. */
export function reportQueueStats(): { queued: number; running: number } {
  const queued = pool?.queueSize ?? 0;
  return { queued, running: Math.max(0, inFlight - queued) };
}

/** Stops the pool's threads (tests, shutdown); the next report starts a new pool. */
export async function closeReportPool(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.destroy();
}
