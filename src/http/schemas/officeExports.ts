import { z } from '@hono/zod-openapi';

// The office downloads: the results workbook and the editable report. Both are files, described by name
// so clients see what they get.

export const ReportLangQuery = z.object({
  lang: z.enum(['fa', 'en']).default('fa').openapi({ description: 'fa: Persian, right to left; en: English' }),
});

export const XlsxFile = z.string().openapi('XlsxFile', {
  format: 'binary',
  description:
    'An Excel workbook (Office Open XML): Summary, Dimensions, Levels and sections, Items, Breakdowns, Recommendations, and Actions when the assessment has an action plan. Numbers are stored as numbers with number formats; sheets are right to left in fa. Below k responses in the figures it holds the counts and the reason only.',
});

export const DocxFile = z.string().openapi('DocxFile', {
  format: 'binary',
  description:
    'The maturity report as an editable Word document (Office Open XML): every section of the PDF as text and tables, charts as PNG images at print resolution, Persian right to left, in Vazirmatn (named and embedded).',
});

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
