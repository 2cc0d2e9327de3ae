import type { AppDeps } from '../deps.js';
import type { Assessment } from '../db/tables.js';
import { ReportCache, reportCacheKey, reportDataVersion } from './cache.js';
import { buildReportModel, loadReportData, reportInput, type ReportModel } from './model/index.js';
import { renderReportInWorker } from './worker/pool.js';

export interface ReportServiceOptions {
  cache?: ReportCache;
  /** Draws a model; the worker pool by default. */
  render?: (model: ReportModel) => Promise<Buffer>;
}

/**
 * The assessment report, shared by the API and the dashboard so both use one cache: the same report for
 * unchanged data is drawn once (the key is a fingerprint of everything the report shows, read each time).
 */
export function createReportService(deps: AppDeps, opts: ReportServiceOptions = {}) {
  const cache = opts.cache ?? new ReportCache();
  const render = opts.render ?? renderReportInWorker;
  return {
    async assessmentReport(assessment: Assessment, lang: 'fa' | 'en'): Promise<Buffer> {
      const now = deps.clock();
      const key = reportCacheKey(assessment.id, lang, await reportDataVersion(deps, assessment, now));
      return cache.getOrCreate(key, async () => {
        const data = await loadReportData(deps, assessment);
        return render(buildReportModel(reportInput(data, lang, now), lang));
      });
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
