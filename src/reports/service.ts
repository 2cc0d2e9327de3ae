import type { AppDeps } from '../deps.js';
import type { Assessment, User } from '../db/tables.js';
import { loadBenchmark } from '../services/benchmark.js';
import { takeSnapshot } from '../services/results.js';
import { ReportCache, reportCacheKey, reportDataVersion } from './cache.js';
import { type AssessmentReportJob, loadReportSource, type ReportModel, reportModelOf } from './model/index.js';
import { renderJobInWorker } from './worker/pool.js';

export interface ReportServiceOptions {
  cache?: ReportCache;
  /** Draws a model on the caller's thread instead of scoring, modelling and drawing on the worker pool. */
  render?: (model: ReportModel) => Promise<Buffer>;
}

/**
 * The assessment report, shared by the API and the dashboard so both use one cache: the same report for
 * unchanged data is drawn once (the key is a fingerprint of everything the report shows, read each time).
 */
export function createReportService(deps: AppDeps, opts: ReportServiceOptions = {}) {
  const cache = opts.cache ?? new ReportCache();
  const draw = (job: AssessmentReportJob) => (opts.render ? opts.render(reportModelOf(job)) : renderJobInWorker(job));
  return {
    /**
     * The benchmark section depends on which organizations the reader may see, so its figures are part
     * of the cache key: two readers with the same view share one PDF, a different view gets its own.
     */
    async assessmentReport(assessment: Assessment, lang: 'fa' | 'en', reader?: User): Promise<Buffer> {
      const now = deps.clock();
      // The snapshot first, so the cache key below names the figures this report will show.
      await takeSnapshot(deps, assessment);
      const benchmark = reader ? await loadBenchmark(deps, reader, assessment) : null;
      const view = benchmark?.available ? JSON.stringify([benchmark.peerOrganizations, benchmark.overall, benchmark.dimensions]) : 'no-benchmark';
      const key = reportCacheKey(assessment.id, lang, `${await reportDataVersion(deps, assessment, now)}|${view}`);
      // Only the reads happen here; scoring, the model and the drawing happen on the report thread.
      return cache.getOrCreate(key, async () => draw({ source: await loadReportSource(deps, assessment), lang, generatedAt: now, benchmark }));
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
