import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { Invalid, Refused, Unavailable } from '../../domain/errors.js';
import { userText } from '../../http/router.js';
import { parseCsvImport } from '../../imports/csvImport.js';
import { decodeCsv } from '../../imports/encoding.js';
import { requireRole, requireWriter } from '../../services/access.js';
import { auditEventsFor } from '../../services/audit.js';
import { benchmarkFor } from '../../services/benchmark.js';
import { organizationFor, organizationsFor } from '../../services/organizations.js';
import { importResponses } from '../../services/responseImport.js';
import { downloadTrendReport, trendReportQueue } from '../../services/trendReport.js';
import { createUserAccount } from '../../services/users.js';
import { langOf } from '../shared/i18n.js';
import { sendPage } from '../shared/layout.js';
import { visibleAssessment } from './assessmentRoutes.js';
import { AuditPage } from './audit.js';
import { BenchmarkPage } from './benchmark.js';
import { sessionOf, switchHrefFor } from './chrome.js';
import { emptyForm, type FormState } from './fields.js';
import { href } from './format.js';
import { parseForm } from './forms.js';
import { ImportPage } from './importPage.js';
import { MANAGE } from './manageText.js';
import { MESSAGES } from './messages.js';
import { orgName } from './organizations.js';
import { PageError, type PagesEnv } from './session.js';
import { UsersPage } from './users.js';

/** The paths whose bodies are files, allowed the import size rather than a form's (routes.tsx). */
export const IMPORT_PAGE = /^\/app\/assessments\/[^/]+\/import$/;

const userForm = z.object({ role: z.enum(['consultant', 'manager']), name: userText(100), organizationId: z.string().max(64).optional() });

/**
 * What the API had and the dashboard did not: the audit log, the standing among organizations, paper
 * imports, users and the comparison PDF. Each page calls the same service as its API route.
 */
export function toolRoutes(deps: AppDeps) {
  const app = new Hono<PagesEnv>();
  const trendQueue = trendReportQueue();

  app.get('/app/organizations/:orgId/audit', async (c) => {
    const lang = c.get('lang');
    const user = c.get('user');
    const org = await organizationFor(deps, user, c.req.param('orgId'));
    const events = await auditEventsFor(deps, user, { organizationId: org.id, limit: 200 });
    const crumbs = [{ label: MESSAGES[lang].nav.organizations, href: href('/app', lang) }, { label: orgName(org, lang), href: href(`/app/organizations/${org.id}`, lang) }, { label: MANAGE[lang].audit.title }];
    return sendPage(c, <AuditPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} crumbs={crumbs} events={events} />);
  });

  app.get('/app/audit', async (c) => {
    const lang = c.get('lang');
    const user = c.get('user');
    requireRole(user, 'admin');
    const events = await auditEventsFor(deps, user, { limit: 200 });
    const crumbs = [{ label: MESSAGES[lang].nav.organizations, href: href('/app', lang) }, { label: MANAGE[lang].audit.title }];
    return sendPage(c, <AuditPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} crumbs={crumbs} events={events} />);
  });

  app.get('/app/assessments/:id/benchmark', async (c) => {
    const lang = c.get('lang');
    const { assessment, org } = await visibleAssessment(deps, c);
    const b = await benchmarkFor(deps, c.get('user'), assessment.id);
    return sendPage(c, <BenchmarkPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={org} assessment={assessment} b={b} />);
  });

  async function importPage(c: Context<PagesEnv>, refused?: { problems?: Invalid['fieldErrors']; message?: string }) {
    const lang = c.get('lang');
    const { assessment, org } = await visibleAssessment(deps, c);
    requireWriter(c.get('user'));
    return sendPage(c, <ImportPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={org} assessment={assessment} {...refused} />, refused ? 422 : 200);
  }

  app.get('/app/assessments/:id/import', (c) => importPage(c));

  app.post('/app/assessments/:id/import', async (c) => {
    const lang = c.get('lang');
    const t = MANAGE[lang].import;
    const file = (await c.req.parseBody()).file;
    if (!(file instanceof File) || file.size === 0) return importPage(c, { message: t.noFile });
    let imported;
    try {
      imported = await importResponses(deps, c.get('user'), c.req.param('id'), 'text/csv', async (q) => {
        const decoded = await decodeCsv(new Uint8Array(await file.arrayBuffer()), undefined);
        if (!decoded.ok) throw new Refused(decoded.problem, [{ path: decoded.path, message: decoded.problem }]);
        return parseCsvImport(q, decoded.text);
      });
    } catch (err) {
      if (err instanceof Refused) return importPage(c, { message: t.badFile });
      if (err instanceof Invalid) return importPage(c, { problems: err.fieldErrors });
      throw err;
    }
    return c.redirect(href(`/app/assessments/${c.req.param('id')}`, lang, { done: 'imported', n: String(imported) }), 303);
  });

  async function usersPage(c: Context<PagesEnv>, form: FormState, created?: { name: string; token: string }, status: 200 | 422 = 200) {
    const lang = c.get('lang');
    const user = c.get('user');
    requireRole(user, 'admin');
    const orgs = await organizationsFor(deps, user);
    return sendPage(c, <UsersPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} orgs={orgs} form={form} created={created} />, status);
  }

  app.get('/app/users', (c) => usersPage(c, emptyForm()));

  app.post('/app/users', async (c) => {
    const lang = c.get('lang');
    const user = c.get('user');
    requireRole(user, 'admin');
    const errors = MANAGE[lang].users.errors;
    const parsed = parseForm(userForm, await c.req.parseBody(), errors);
    if (!parsed.ok) return usersPage(c, parsed.form, undefined, 422);
    const { role, name, organizationId } = parsed.data;
    try {
      // The token exists only in this answer: it is shown here, once, like the API's POST /users.
      const created = await createUserAccount(deps, user, { role, name, organizationId: organizationId || undefined });
      return usersPage(c, emptyForm(), { name: created.user.name, token: created.token });
    } catch (err) {
      if (err instanceof Invalid || err instanceof Refused) return usersPage(c, { values: parsed.form.values, errors: { organizationId: errors.organizationId } }, undefined, 422);
      throw err;
    }
  });

  app.get('/app/organizations/:orgId/trend/report.pdf', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const chosen = (c.req.queries('assessments') ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
    let download;
    try {
      // A HEAD (which Hono answers with this handler) gets the headers after the access check: nothing drawn or recorded.
      download = await downloadTrendReport(deps, c.get('user'), c.req.param('orgId'), chosen.length ? chosen : undefined, lang, {
        queue: trendQueue,
        headOnly: c.req.method === 'HEAD',
        signal: c.req.raw.signal,
      });
    } catch (err) {
      if (err instanceof Unavailable) throw new PageError(503, 'error', err.retryAfterSeconds);
      throw err;
    }
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="${download.filename}"`);
    if (!download.pdf) return c.body(null, 200);
    return c.body(new Uint8Array(download.pdf), 200);
  });

  return app;
}
