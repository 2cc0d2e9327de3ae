import { Hono, type Context } from 'hono';
import type { Assessment, User } from '../../db/tables.js';
import type { AppDeps } from '../../deps.js';
import { presentResults } from '../../domain/presentResults.js';
import { presentTrend } from '../../domain/presentTrend.js';
import { AppError } from '../../errors.js';
import { listAssessments } from '../../repositories/assessments.js';
import { recordAudit } from '../../repositories/audit.js';
import { findOrganization } from '../../repositories/organizations.js';
import { exportItems, exportResponses } from '../../services/exports.js';
import { assessmentRef } from '../../domain/assessmentScoring.js';
import { loadResults } from '../../services/results.js';
import { loadTrend } from '../../services/trend.js';
import { ReportCancelledError, ReportsBusyError } from '../../reports/worker/renderQueue.js';
import { langOf, type Lang } from '../shared/i18n.js';
import { sendPage } from '../shared/layout.js';
import { visibleAssessment } from './assessmentRoutes.js';
import { sessionOf, switchHrefFor } from './chrome.js';
import { ComparePage } from './compare.js';
import { ResultsPage } from './results.js';
import { ReportsBusyPage } from './notice.js';
import { notFoundPage, PageError, type PagesEnv } from './session.js';

export interface ReportOptions {
  /** The PDF report renderer; without it the download answers 503 with a page saying so. */
  renderReport?: (user: User, assessment: Assessment, lang: Lang, signal?: AbortSignal) => Promise<Buffer>;
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
  const { db, clock } = deps;
  const app = new Hono<PagesEnv>();

  app.get('/app/assessments/:id/results', async (c) => {
    const { assessment, org } = await visibleAssessment(deps, c);
    const lang = c.get('lang');
    const { q, results } = await loadResults(deps, assessment, false);
    const r = presentResults(assessmentRef(assessment), q, results, lang, false);
    return sendPage(c, <ResultsPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={org} assessment={assessment} q={q} r={r} />);
  });

  app.get('/app/assessments/:id/report.pdf', async (c) => {
    const { assessment } = await visibleAssessment(deps, c);
    if (!opts.renderReport) throw new PageError(503, 'noPdf');
    const user = c.get('user');
    const lang = langOf(c.req.query('lang'));
    const name = `mehvar-report-${assessment.id.slice(0, 8)}-${lang}.pdf`;
    if (headOnly(c)) {
      attachment(c, 'application/pdf', name);
      return c.body(null, 200);
    }
    let pdf: Buffer;
    try {
      // The request's signal aborts when the browser goes away: its report is then dropped from the queue.
      pdf = await opts.renderReport(user, assessment, lang, c.req.raw.signal);
    } catch (err) {
      // A refused report is a page saying so (not an attachment): the link opens it in the browser.
      if (err instanceof ReportsBusyError) {
        c.header('Retry-After', String(err.retryAfterSeconds));
        return sendPage(c, <ReportsBusyPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)} retryAfter={err.retryAfterSeconds} />, 503);
      }
      throw err instanceof ReportCancelledError ? new PageError(503, 'error') : err;
    }
    await recordAudit(db, user, { action: 'report.download', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id, details: { lang } }, clock());
    attachment(c, 'application/pdf', name);
    return c.body(new Uint8Array(pdf), 200);
  });

  // A HEAD on an export gets its headers after the access check, never the export or its audit entry.
  app.use('/app/assessments/:id/export/*', async (c, next) => {
    if (!headOnly(c)) return next();
    await visibleAssessment(deps, c);
    return c.body(null, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });

  // The same exports and audit entries as GET /api/v1/assessments/{id}/export/*.csv.
  for (const [path, make] of [['responses.csv', exportResponses], ['items.csv', exportItems]] as const)
    app.get(`/app/assessments/:id/export/${path}`, async (c) => {
      const { assessment } = await visibleAssessment(deps, c);
      const { filename, csv } = await make(deps, c.get('user'), assessment);
      attachment(c, 'text/csv; charset=utf-8', filename);
      return c.body(csv, 200);
    });

  app.get('/app/organizations/:orgId/compare', async (c) => {
    const user = c.get('user');
    const lang = c.get('lang');
    const org = await findOrganization(db, user, c.req.param('orgId'));
    if (!org) throw notFoundPage();
    // ?assessments=a,b (as the API takes it) or ?assessments=a&assessments=b (as the checkbox form sends it).
    const chosen = (c.req.queries('assessments') ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
    if (chosen.length > 100) throw notFoundPage();
    let t: Awaited<ReturnType<typeof loadTrend>>;
    try {
      t = await loadTrend(deps, user, org.id, chosen.length ? chosen : undefined);
    } catch (err) {
      if (err instanceof AppError && err.status === 422) throw new PageError(422, 'incompatible');
      if (err instanceof AppError && err.status === 404) throw notFoundPage();
      throw err;
    }
    const tr = presentTrend({ orgId: t.org.id, points: t.points, items: t.items, q: t.definitions.at(-1), compatibility: t.compatibility, trend: t.trend }, lang);
    const all = await listAssessments(db, org.id);
    return sendPage(c, <ComparePage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={org} all={all} tr={tr} q={t.definitions.at(-1)} />);
  });

  return app;
}
