import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, notModified, problemResponse, uuidParam } from '../http/router.js';
import { recordAudit } from '../repositories/audit.js';
import { loadTrendReportInput } from '../reports/trend/load.js';
import { buildTrendReportModel, trendReportFileName } from '../reports/trend/model.js';
import { renderTrendReportPdf } from '../reports/trend/render.js';
import { trendQuery } from './trend.js';

// The report worker pool (src/reports/worker/) draws assessment reports only, so the comparison report is
// drawn on the event loop; renderTrendReportPdf yields between its pages and charts.

export function trendReportRoutes(deps: AppDeps) {
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
      const pdf = await renderTrendReportPdf(buildTrendReportModel(input, lang));
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
