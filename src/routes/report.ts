import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, notModified, problemResponse, uuidParam } from '../http/router.js';
import { createReportService, downloadAssessmentReport, rendererOf, type ReportService, type ReportServiceOptions } from '../services/reports.js';

/** A report refused at once because the queue holds too much work (also, as for any route, a timeout). */
export const reportsBusy = problemResponse('Too many reports are being made, so this one was refused at once; or the request took longer than the server allows', {
  'Retry-After': { description: 'Seconds until the report queue should have room again', schema: { type: 'integer' as const } },
});

export type ReportRouteOptions = ReportServiceOptions & { service?: ReportService };

export function reportRoutes(deps: AppDeps, opts: ReportRouteOptions = {}) {
  const render = rendererOf(opts.service ?? createReportService(deps, opts));
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
      const { lang } = c.req.valid('query');
      // Hono answers HEAD with this GET handler and drops the body: a HEAD asks only whether the report can be
      // had, so it must neither draw it nor log a download nobody received. The request's signal aborts when
      // the client goes away: its report is then dropped from the queue.
      const { filename, pdf } = await downloadAssessmentReport(deps, await requireUser(deps.db, c), c.req.valid('param').id, lang, {
        render,
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
