import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, problemResponse, uuidParam } from '../http/router.js';
import { recordAudit } from '../repositories/audit.js';
import { loadTrendReportInput } from '../reports/trend/load.js';
import { buildTrendReportModel } from '../reports/trend/model.js';
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
      request: { params: z.object({ orgId: uuidParam }), query: trendQuery },
      responses: {
        200: {
          description: 'The report: scores over time with confidence bands, changes with Welch tests and effect sizes, level transitions, top movers',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        422: problemResponse('Questionnaire versions too different to compare'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const user = await requireUser(deps.db, c);
      const { lang, assessments } = c.req.valid('query');
      const now = deps.clock();
      const input = await loadTrendReportInput(deps, user, c.req.valid('param').orgId, assessments, lang, now);
      const model = buildTrendReportModel(input, lang);
      const pdf = await renderTrendReportPdf(model);
      const organizationId = input.trend.organizationId;
      await recordAudit(
        deps.db,
        user,
        { action: 'report.trend.download', organizationId, targetType: 'organization', targetId: organizationId, details: { lang, assessments: input.trend.assessments.map((a) => a.id) } },
        now,
      );
      c.header('content-type', 'application/pdf');
      c.header('content-disposition', `attachment; filename="${model.fileName}"`);
      c.header('cache-control', 'private, no-cache');
      return c.body(new Uint8Array(pdf.buffer as ArrayBuffer, pdf.byteOffset, pdf.byteLength), 200);
    },
  );
  return r;
}
