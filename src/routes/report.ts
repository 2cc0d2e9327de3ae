import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { assessmentForCaller } from '../http/access.js';
import { bearer, commonErrors, createRouter, notModified, problemResponse, uuidParam } from '../http/router.js';
import { reportFileName } from '../reports/model/index.js';
import { createReportService, type ReportService, type ReportServiceOptions } from '../reports/service.js';
import { recordAudit } from '../repositories/audit.js';

/** A report refused at once because the queue holds too much work (also, as for any route, a timeout). */
export const reportsBusy = problemResponse('Too many reports are being made, so this one was refused at once; or the request took longer than the server allows', {
  'Retry-After': { description: 'Seconds until the report queue should have room again', schema: { type: 'integer' as const } },
});

export type ReportRouteOptions = ReportServiceOptions & { service?: ReportService };

export function reportRoutes(deps: AppDeps, opts: ReportRouteOptions = {}) {
  const service = opts.service ?? createReportService(deps, opts);
  const r = createRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/report.pdf', tags: ['Reports'], security: bearer,
      summary: 'The maturity report as an A4 PDF, in Persian (right to left) or English',
      operationId: 'getAssessmentReport',
      request: {
        params: z.object({ id: uuidParam }),
        query: z.object({ lang: z.enum(['fa', 'en']).default('fa') }),
      },
      responses: {
        200: {
          description: 'The report; the same PDF for unchanged data (served from a cache)',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        304: notModified,
        ...commonErrors,
        503: reportsBusy,
      },
    }),
    async (c) => {
      const { user, assessment } = await assessmentForCaller(deps, c, c.req.valid('param').id);
      const { lang } = c.req.valid('query');
      c.header('content-type', 'application/pdf');
      c.header('content-disposition', `attachment; filename="${reportFileName(assessment.id, lang)}"`);
      c.header('cache-control', 'private, no-cache');
      // Hono answers HEAD with this GET handler and drops the body: a HEAD asks only whether the report can be
      // had, so it must neither draw it nor log a download nobody received.
      if (c.req.method === 'HEAD') return c.body(null, 200);
      // The request's signal aborts when the client goes away: its report is then dropped from the queue.
      const pdf = await service.assessmentReport(assessment, lang, user, c.req.raw.signal);
      await recordAudit(deps.db, user, { action: 'report.download', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id, details: { lang } }, deps.clock());
      return c.body(new Uint8Array(pdf.buffer as ArrayBuffer, pdf.byteOffset, pdf.byteLength), 200);
    },
  );
  return r;
}
