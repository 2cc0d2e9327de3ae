import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, notModified, problemResponse, uuidParam } from '../http/router.js';
import { recordAudit } from '../repositories/audit.js';
import { loadTrendReportInput } from '../reports/trend/load.js';
import { buildTrendReportModel, trendReportFileName } from '../reports/trend/model.js';
import { renderTrendReportPdf } from '../reports/trend/render.js';
import { INITIAL_ESTIMATE_MS, REPORT_MAX_WAIT_MS } from '../reports/worker/pool.js';
import { RenderQueue } from '../reports/worker/renderQueue.js';
import { reportsBusy } from './report.js';
import { trendQuery } from './trend.js';

// The report worker pool (src/reports/worker/) draws assessment reports only, so the comparison report is
// drawn on the event loop; renderTrendReportPdf yields between its pages and charts. One at a time, so that
// many of them interleaved never crowd out the other requests, behind a queue bounded like the pool's.

export function trendReportRoutes(deps: AppDeps, opts: { queue?: RenderQueue } = {}) {
  const queue = opts.queue ?? new RenderQueue({ concurrency: 1, maxWaitMs: REPORT_MAX_WAIT_MS, initialEstimateMs: INITIAL_ESTIMATE_MS });
  const r = createRouter();
  r.openapi(
    createRoute({
      method: 'get', path: '/organizations/{orgId}/trend/report.pdf', tags: ['Trend', 'Reports'], security: bearer,
      summary: 'The comparison-over-time report as an A4 PDF, in Persian (right to left) or English',
      operationId: 'getTrendReport',
      request: { params: z.object({ orgId: uuidParam }), query: trendQuery },
      responses: {
        200: {
          description: 'The report: scores over time with confidence bands, changes with Welch tests and effect sizes, level transitions, top movers',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        304: notModified,
        ...commonErrors,
        404: problemResponse('The organization, or one of the assessments named, was not found'),
        422: problemResponse('Questionnaire versions too different to compare'),
        503: reportsBusy,
      },
    }),
    async (c) => {
      const user = await requireUser(deps.db, c);
      const { lang, assessments } = c.req.valid('query');
      const now = deps.clock();
      const input = await loadTrendReportInput(deps, user, c.req.valid('param').orgId, assessments, lang, now);
      const organizationId = input.trend.organizationId;
      c.header('content-type', 'application/pdf');
      c.header('content-disposition', `attachment; filename="${trendReportFileName(organizationId, lang)}"`);
      c.header('cache-control', 'private, no-cache');
      // HEAD runs this GET handler (Hono drops the body afterwards): the reads above give it GET's status
      // (404, 422), but it must neither draw the report nor log a download nobody received.
      if (c.req.method === 'HEAD') return c.body(null, 200);
      // A waiting report leaves the queue when its client goes away; one being drawn is finished.
      const pdf = await queue.run(() => renderTrendReportPdf(buildTrendReportModel(input, lang)), c.req.raw.signal);
      await recordAudit(
        deps.db,
        user,
        { action: 'report.trend.download', organizationId, targetType: 'organization', targetId: organizationId, details: { lang, assessments: input.trend.assessments.map((a) => a.id) } },
        now,
      );
      return c.body(new Uint8Array(pdf.buffer as ArrayBuffer, pdf.byteOffset, pdf.byteLength), 200);
    },
  );
  return r;
}
