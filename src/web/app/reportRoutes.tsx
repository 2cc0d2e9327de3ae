import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../deps.js';
import { assessmentRef } from '../../domain/assessmentScoring.js';
import { Unavailable } from '../../domain/errors.js';
import { presentResults } from '../../domain/presentResults.js';
import { presentTrend } from '../../domain/presentTrend.js';
import { checkExportAccess, exportItems, exportResponses } from '../../services/exports.js';
import { exportWorkbook } from '../../services/exports.js';
import { downloadAssessmentDocx } from '../../services/reports.js';
import { XLSX_TYPE, DOCX_TYPE } from '../../http/schemas/officeExports.js';
import { assessmentsOf } from '../../services/organizations.js';
import { downloadAssessmentReport, reportQueueStats, type RenderAssessmentReport } from '../../services/reports.js';
import { resultsFor } from '../../services/results.js';
import { actionsOf } from '../../services/actions.js';
import { loadTrend } from '../../services/trend.js';
import { langOf } from '../shared/i18n.js';
import { sendPage } from '../shared/layout.js';
import { sessionOf, switchHrefFor } from './chrome.js';
import { ComparePage } from './compare.js';
import { ResultsPage } from './results.js';
import { ReportsBusyPage } from './notice.js';
import { notFoundPage, PageError, type PagesEnv } from './session.js';

export interface ReportOptions {
  /** The PDF report renderer; without it the download answers 503 with a page saying so. */
  renderReport?: RenderAssessmentReport;
  /** The Word report renderer (the same report service); without it the download answers 503. */
  renderDocx?: RenderAssessmentReport;
}

const attachment = (c: Context, type: string, name: string) => {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${name}"`);
};

/**
 * Hono answers HEAD with the GET handler and drops the body. A HEAD on a download asks only whether it can
 * be had: after the access check it gets the headers, never the rendering, the export or the audit entry.
 */
const headOnly = (c: Context) => c.req.method === 'HEAD';

/** Results, the PDF report, the CSV exports and the comparison over time. */
export function reportRoutes(deps: AppDeps, opts: ReportOptions) {
  const app = new Hono<PagesEnv>();

  app.get('/app/assessments/:id/results', async (c) => {
    const lang = c.get('lang');
    const { assessment, org, q, results } = await resultsFor(deps, c.get('user'), c.req.param('id'), false);
    const r = presentResults(assessmentRef(assessment), q, results, lang, false);
    const { actions } = await actionsOf(deps, c.get('user'), org.id, assessment.id);
    const actionsByRecommendation = new Map(actions.filter((x) => x.recommendation_id !== null).map((x) => [x.recommendation_id!, x.title]));
    return sendPage(c, <ResultsPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={org} assessment={assessment} q={q} r={r} actionsByRecommendation={actionsByRecommendation} />);
  });

  // What the report queue holds now ({queued, running}), which app.js shows while a report is prepared.
  app.get('/app/reports/queue', (c) => c.json(reportQueueStats()));

  app.get('/app/assessments/:id/report.pdf', async (c) => {
    const lang = langOf(c.req.query('lang'));
    let download;
    try {
      // The request's signal aborts when the browser goes away: its report is then dropped from the queue.
      download = await downloadAssessmentReport(deps, c.get('user'), c.req.param('id'), lang, { render: opts.renderReport, headOnly: headOnly(c), signal: c.req.raw.signal });
    } catch (err) {
      // A refused report is a page saying so (not an attachment): the link opens it in the browser.
      if (err instanceof Unavailable && err.code === 'reportsBusy' && err.retryAfterSeconds) {
        c.header('Retry-After', String(err.retryAfterSeconds));
        return sendPage(c, <ReportsBusyPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)} retryAfter={err.retryAfterSeconds} />, 503);
      }
      throw err instanceof Unavailable && err.code === 'cancelled' ? new PageError(503, 'error') : err;
    }
    attachment(c, 'application/pdf', download.filename);
    if (!download.pdf) return c.body(null, 200);
    return c.body(new Uint8Array(download.pdf), 200);
  });

  // A HEAD on an export gets its headers after the access check, never the export or its audit entry.
  app.use('/app/assessments/:id/export/*', async (c, next) => {
    if (!headOnly(c)) return next();
    await checkExportAccess(deps, c.get('user'), c.req.param('id') ?? '');
    return c.body(null, 200, { 'Content-Type': c.req.path.endsWith('.xlsx') ? XLSX_TYPE : 'text/csv; charset=utf-8' });
  });

  // The same exports and audit entries as GET /api/v1/assessments/{id}/export/*.csv.
  for (const [path, make] of [['responses.csv', exportResponses], ['items.csv', exportItems]] as const)
    app.get(`/app/assessments/:id/export/${path}`, async (c) => {
      const { filename, csv } = await make(deps, c.get('user'), c.req.param('id'));
      attachment(c, 'text/csv; charset=utf-8', filename);
      return c.body(csv, 200);
    });

  // The same workbook and audit entry as GET /api/v1/assessments/{id}/export/results.xlsx.
  app.get('/app/assessments/:id/export/results.xlsx', async (c) => {
    const { filename, xlsx } = await exportWorkbook(deps, c.get('user'), c.req.param('id'), langOf(c.req.query('lang')));
    attachment(c, XLSX_TYPE, filename);
    return c.body(new Uint8Array(xlsx), 200);
  });

  app.get('/app/assessments/:id/report.docx', async (c) => {
    const lang = langOf(c.req.query('lang'));
    let download;
    try {
      download = await downloadAssessmentDocx(deps, c.get('user'), c.req.param('id'), lang, { render: opts.renderDocx, headOnly: headOnly(c), signal: c.req.raw.signal });
    } catch (err) {
      // As for the PDF: a refused report is a page saying so.
      if (err instanceof Unavailable && err.code === 'reportsBusy' && err.retryAfterSeconds) {
        c.header('Retry-After', String(err.retryAfterSeconds));
        return sendPage(c, <ReportsBusyPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)} retryAfter={err.retryAfterSeconds} />, 503);
      }
      throw err instanceof Unavailable && err.code === 'cancelled' ? new PageError(503, 'error') : err;
    }
    attachment(c, DOCX_TYPE, download.filename);
    if (!download.docx) return c.body(null, 200);
    return c.body(new Uint8Array(download.docx), 200);
  });

  app.get('/app/organizations/:orgId/compare', async (c) => {
    const user = c.get('user');
    const lang = c.get('lang');
    // ?assessments=a,b (as the API takes it) or ?assessments=a&assessments=b (as the checkbox form sends it).
    const chosen = (c.req.queries('assessments') ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
    if (chosen.length > 100) throw notFoundPage();
    // Not visible: the 404 page; versions too different to compare: the 'incompatible' page (session.ts pageErrorOf).
    const t = await loadTrend(deps, user, c.req.param('orgId'), chosen.length ? chosen : undefined);
    const tr = presentTrend({ orgId: t.org.id, points: t.points, items: t.items, q: t.definitions.at(-1), compatibility: t.compatibility, trend: t.trend }, lang);
    const all = await assessmentsOf(deps, user, t.org.id);
    return sendPage(c, <ComparePage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={t.org} all={all} tr={tr} q={t.definitions.at(-1)} />);
  });

  return app;
}
