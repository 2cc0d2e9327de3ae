import { Hono } from 'hono';
import type { AppDeps } from '../../deps.js';
import { exportComments, loadComments } from '../../services/comments.js';
import { sendPage } from '../shared/layout.js';
import { visibleAssessment } from './assessmentRoutes.js';
import { sessionOf, switchHrefFor } from './chrome.js';
import { CommentsPage } from './comments.js';
import type { PagesEnv } from './session.js';

/** The comments tab and its CSV: the same service and rules as GET /api/v1/assessments/{id}/comments. */
export function commentRoutes(deps: AppDeps) {
  const app = new Hono<PagesEnv>();
  app.get('/app/assessments/:id/comments', async (c) => {
    const { assessment, org } = await visibleAssessment(deps, c);
    const lang = c.get('lang');
    const presented = await loadComments(deps, assessment, lang);
    return sendPage(c, <CommentsPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={org} assessment={assessment} c={presented} />);
  });
  app.get('/app/assessments/:id/export/comments.csv', async (c) => {
    const { assessment } = await visibleAssessment(deps, c);
    const { filename, csv } = await exportComments(deps, c.get('user'), assessment, c.get('lang'));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${filename}"`);
    return c.body(csv, 200);
  });
  return app;
}
