import type { AppDeps } from '../deps.js';
import type { Assessment, User } from '../db/tables.js';
import { loadBenchmark } from '../services/benchmark.js';
import { takeSnapshot } from '../services/results.js';
import { ReportCache, reportCacheKey, reportDataVersion } from './cache.js';
import { type AssessmentReportJob, loadReportSource, type ReportModel, reportModelOf } from './model/index.js';
import { renderJobInWorker, reportQueue } from './worker/pool.js';
import type { RenderQueue } from './worker/renderQueue.js';

export interface ReportServiceOptions {
  cache?: ReportCache;
  /** Draws a model on the caller's thread instead of scoring, modelling and drawing on the worker pool. */
  render?: (model: ReportModel, signal: AbortSignal) => Promise<Buffer>;
  /** The queue in front of the report threads; by default the process's one (see reportQueue). */
  queue?: RenderQueue;
}

/**
 * The assessment report, shared by the API and the dashboard so both use one cache and one queue: the same
 * report for unchanged data is drawn once (the key is a fingerprint of everything the report shows, read
 * each time), and a report is refused at once when the queue holds more than REPORT_MAX_WAIT_MS (pool.ts) of work.
 */
export function createReportService(deps: AppDeps, opts: ReportServiceOptions = {}) {
  const cache = opts.cache ?? new ReportCache();
  const queue = opts.queue ?? reportQueue();
  const draw = (job: AssessmentReportJob, signal: AbortSignal) => (opts.render ? opts.render(reportModelOf(job), signal) : renderJobInWorker(job, signal));
  return {
    /**
     * The benchmark section depends on which organizations the reader may see, so its figures are part
     * of the cache key: two readers with the same view share one PDF, a different view gets its own.
     * `signal` is the request's: once every request waiting for a report has gone, the report is not made.
     */
    async assessmentReport(assessment: Assessment, lang: 'fa' | 'en', reader?: User, signal?: AbortSignal): Promise<Buffer> {
      const now = deps.clock();
      // The snapshot first, so the cache key below names the figures this report will show.
      await takeSnapshot(deps, assessment);
      const benchmark = reader ? await loadBenchmark(deps, reader, assessment) : null;
      const view = benchmark?.available ? JSON.stringify([benchmark.peerOrganizations, benchmark.overall, benchmark.dimensions]) : 'no-benchmark';
      const key = reportCacheKey(assessment.id, lang, `${await reportDataVersion(deps, assessment, now)}|${view}`);
      // The responses are read when the job's turn comes, so waiting jobs hold no data; scoring, the model
      // and the drawing happen on the report thread.
      const make = (stop: AbortSignal) => queue.run(async (running) => draw({ source: await loadReportSource(deps, assessment), lang, generatedAt: now, benchmark }, running), stop);
      return cache.getOrCreate(key, make, signal);
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;

/** The newest assessment's report job, for warming the report threads at start-up; none on an empty database. */
export async function sampleReportJob(deps: AppDeps): Promise<AssessmentReportJob | undefined> {
  const assessment = await deps.db.selectFrom('assessments').selectAll().orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  if (!assessment) return undefined;
  return { source: await loadReportSource(deps, assessment), lang: 'fa', generatedAt: deps.clock(), benchmark: null };
}
