import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, notModified, problemResponse, uuidParam } from '../http/router.js';
import { downloadTrendReport, type RenderQueue, trendReportQueue } from '../services/trendReport.js';
import { reportsBusy } from './report.js';
import { trendQuery } from './trend.js';

export function trendReportRoutes(deps: AppDeps, opts: { queue?: RenderQueue } = {}) {
  // Comparison reports are drawn one at a time behind their own bounded queue (services/reports.ts).
  const queue = opts.queue ?? trendReportQueue();
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
      const { lang, assessments } = c.req.valid('query');
      // HEAD runs this GET handler (Hono drops the body afterwards): it gets GET's status (404, 422), but the
      // report is neither drawn nor its download recorded.
      const { filename, pdf } = await downloadTrendReport(deps, await requireUser(deps.db, c), c.req.valid('param').orgId, assessments, lang, {
        queue,
        headOnly: c.req.method === 'HEAD',
        signal: c.req.raw.signal,
      });
      c.header('content-type', 'application/pdf');
      c.header('content-disposition', `attachment; filename="${filename}"`);
      c.header('cache-control', 'private, no-cache');
      if (!pdf) return c.body(null, 200);
      return c.body(new Uint8Array(pdf.buffer as ArrayBuffer, pdf.byteOffset, pdf.byteLength), 200);
    },
  );
  return r;
}
