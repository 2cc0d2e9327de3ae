import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, notModified, uuidParam } from '../http/router.js';
import { DOCX_TYPE, DocxFile, ReportLangQuery, XLSX_TYPE, XlsxFile } from '../http/schemas/officeExports.js';
import { exportWorkbook } from '../services/exports.js';
import { createReportService, docxRendererOf, downloadAssessmentDocx, type ReportService } from '../services/reports.js';
import { reportsBusy } from './report.js';

const params = z.object({ id: uuidParam });

const attachment = (c: Context, type: string, filename: string) => {
  c.header('content-type', type);
  c.header('content-disposition', `attachment; filename="${filename}"`);
  c.header('cache-control', 'private, no-cache');
};

/** The results workbook (XLSX) and the editable report (DOCX): the same figures and rules as the CSV and the PDF. */
export function officeExportsRoutes(deps: AppDeps, opts: { service?: ReportService } = {}) {
  const renderDocx = docxRendererOf(opts.service ?? createReportService(deps));
  const r = createRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/export/results.xlsx', tags: ['Results'], security: bearer,
      summary: 'The results as an Excel workbook, in Persian (right to left) or English, on the anonymity snapshot',
      operationId: 'exportResultsXlsx',
      request: { params, query: ReportLangQuery },
      responses: {
        200: { description: 'The workbook', content: { [XLSX_TYPE]: { schema: XlsxFile } } },
        304: notModified,
        ...commonErrors,
      },
    }),
    async (c) => {
      const { filename, xlsx } = await exportWorkbook(deps, await requireUser(deps.db, c), c.req.valid('param').id, c.req.valid('query').lang);
      attachment(c, XLSX_TYPE, filename);
      return c.body(new Uint8Array(xlsx.buffer as ArrayBuffer, xlsx.byteOffset, xlsx.byteLength), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/report.docx', tags: ['Reports'], security: bearer,
      summary: 'The maturity report as an editable Word document, in Persian (right to left) or English',
      operationId: 'getAssessmentReportDocx',
      request: { params, query: ReportLangQuery },
      responses: {
        200: { description: 'The report; the same file for unchanged data (served from a cache)', content: { [DOCX_TYPE]: { schema: DocxFile } } },
        304: notModified,
        ...commonErrors,
        503: reportsBusy,
      },
    }),
    async (c) => {
      // A HEAD asks only whether the report can be had: it neither builds it nor records a download.
      const { filename, docx } = await downloadAssessmentDocx(deps, await requireUser(deps.db, c), c.req.valid('param').id, c.req.valid('query').lang, {
        render: renderDocx,
        headOnly: c.req.method === 'HEAD',
        signal: c.req.raw.signal,
      });
      attachment(c, DOCX_TYPE, filename);
      if (!docx) return c.body(null, 200);
      return c.body(new Uint8Array(docx.buffer as ArrayBuffer, docx.byteOffset, docx.byteLength), 200);
    },
  );
  return r;
}
