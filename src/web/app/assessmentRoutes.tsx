import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { Invalid, NotFound } from '../../domain/errors.js';
import type { Assessment, Organization } from '../../domain/records.js';
import { requireWriter } from '../../services/access.js';
import { assessmentOverview, assessmentWithOrganization, closeAssessmentFor, reopenAssessmentFor } from '../../services/assessments.js';
import { departmentsOf, isListedDepartment } from '../../services/departments.js';
import {
  createInvitationLinks,
  departmentProgress,
  InvitationCapReached,
  invitationBatches,
  MAX_INVITATIONS_PER_ASSESSMENT,
  reissueInvitationBatch,
  revokeInvitationBatch,
} from '../../services/invitations.js';
import type { Lang } from '../shared/i18n.js';
import { sendPage } from '../shared/layout.js';
import { AssessmentPage, LinksPage } from './assessment.js';
import { campaignRoutes, campaignViewFor } from './campaignRoutes.js';
import { sessionOf, switchHrefFor } from './chrome.js';
import { emptyForm, type FormState } from './fields.js';
import { fmtFor, href } from './format.js';
import { endOfDayTehran, invitationForm, parseForm, withPickedDay } from './forms.js';
import { LinksManagePage, RevokeConfirmPage } from './links.js';
import { linksCsv, linksCsvDataUrl, linksCsvName } from './linksCsv.js';
import { flashText, MANAGE } from './manageText.js';
import { MESSAGES } from './messages.js';
import { notFoundPage, type PagesEnv } from './session.js';

/** The assessment the signed-in user may see, with its organization; another tenant's id is a 404 page. */
export async function visibleAssessment(deps: AppDeps, c: Context<PagesEnv>): Promise<{ assessment: Assessment; org: Organization }> {
  return assessmentWithOrganization(deps, c.get('user'), c.req.param('id') ?? '');
}

/** A batch of links as its forms name it (links.tsx BatchFields). */
const batchForm = z.object({
  createdAt: z.iso.datetime(),
  role: z.enum(['manager', 'staff']),
  department: z.string().max(400),
});

/**
 * One assessment: participation by department, the links (created, listed by batch, issued again, revoked),
 * closing after a confirmation page, and reopening. Every form posts and redirects to a page (POST-redirect-
 * GET) with a confirmation, so a reload never repeats what was done.
 */
export function assessmentRoutes(deps: AppDeps) {
  const { clock } = deps;
  const app = new Hono<PagesEnv>();

  async function page(c: Context<PagesEnv>, form?: FormState, status: 200 | 422 = 200, reopenForm?: FormState) {
    const user = c.get('user');
    const { assessment, org, participation, closing, closed } = await assessmentOverview(deps, user, c.req.param('id') ?? '');
    const lang = c.get('lang');
    const [departments, progress] = await Promise.all([departmentsOf(deps, user, org.id), departmentProgress(deps, user, assessment.id)]);
    return sendPage(
      c,
      <AssessmentPage
        lang={lang}
        switchHref={switchHrefFor(c, lang)}
        session={sessionOf(c)!}
        org={org}
        assessment={assessment}
        closed={closed}
        participation={participation}
        closing={closing}
        form={form ?? emptyForm({ count: fmtFor(lang).count(10) })}
        departments={departments.map((d) => d.name)}
        progress={progress}
        campaign={await campaignViewFor(deps, c, assessment.id)}
        now={clock()}
        reopenForm={reopenForm}
        flash={form || reopenForm ? undefined : flashText(lang, c.req.query('done'), c.req.query('n'))}
      />,
      status,
    );
  }

  app.get('/app/assessments/:id', (c) => page(c));

  app.post('/app/assessments/:id/invitations', async (c) => {
    const { assessment, org } = await visibleAssessment(deps, c);
    const user = c.get('user');
    requireWriter(user);
    const lang = c.get('lang');
    const body = await c.req.parseBody();
    const parsed = parseForm(invitationForm, body, MESSAGES[lang].assessment.errors);
    if (!parsed.ok) return page(c, parsed.form, 422);
    const { role, department, count } = parsed.data;
    // Departments are picked from the organization's list, never typed, so one typo cannot split a group.
    if (department !== undefined && !(await isListedDepartment(deps, org.id, department)))
      return page(c, { values: parsed.form.values, errors: { department: MANAGE[lang].departments.notListed } }, 422);
    let links;
    try {
      links = await createInvitationLinks(deps, user, assessment.id, [{ role, department: department ?? null, count }]);
    } catch (err) {
      if (err instanceof InvitationCapReached) return page(c, { values: parsed.form.values, errors: { count: capMessage(lang, err.existing) } }, 422);
      throw err;
    }
    // The tokens exist only in this response. As a CSV download the browser stays on its page, so nothing
    // is repeated by a reload; otherwise the links page follows, where they are issued on request.
    if (body.format === 'csv') return csvAnswer(c, assessment.id, links);
    return c.redirect(href(`/app/assessments/${assessment.id}/links`, lang, { done: 'linksCreated', n: String(links.length) }), 303);
  });

  app.get('/app/assessments/:id/links', async (c) => {
    const user = c.get('user');
    requireWriter(user);
    const lang = c.get('lang');
    const { assessment, org, closed } = await assessmentOverview(deps, user, c.req.param('id'));
    const batches = await invitationBatches(deps, user, assessment.id);
    const flash = flashText(lang, c.req.query('done'), c.req.query('n'));
    return sendPage(c, <LinksManagePage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={org} assessment={assessment} closed={closed} batches={batches} flash={flash} />);
  });

  const readBatch = async (c: Context<PagesEnv>) => {
    const body = await c.req.parseBody();
    const b = batchForm.safeParse(body);
    if (!b.success) throw notFoundPage();
    return { body, batch: { createdAt: b.data.createdAt, role: b.data.role, department: b.data.department === '' ? null : b.data.department } };
  };

  app.post('/app/assessments/:id/links/reissue', async (c) => {
    const lang = c.get('lang');
    const { assessment, org } = await visibleAssessment(deps, c);
    const { body, batch } = await readBatch(c);
    const links = await reissueInvitationBatch(deps, c.get('user'), assessment.id, batch);
    if (body.format === 'csv') return csvAnswer(c, assessment.id, links);
    const t = MANAGE[lang].links;
    const name = linksCsvName(assessment.id, clock());
    return sendPage(
      c,
      <LinksPage
        lang={lang}
        switchHref={switchHrefFor(c, lang)}
        session={sessionOf(c)!}
        org={org}
        assessment={assessment}
        links={links}
        csvHref={linksCsvDataUrl(links)}
        csvName={name}
        title={t.reissuedTitle(fmtFor(lang).count(links.length))}
        note={t.reissuedNote}
      />,
    );
  });

  app.get('/app/assessments/:id/links/revoke', async (c) => {
    const user = c.get('user');
    requireWriter(user);
    const lang = c.get('lang');
    const { assessment, org } = await visibleAssessment(deps, c);
    const q = batchForm.safeParse({ createdAt: c.req.query('createdAt'), role: c.req.query('role'), department: c.req.query('department') ?? '' });
    if (!q.success) throw notFoundPage();
    const department = q.data.department === '' ? null : q.data.department;
    const batch = (await invitationBatches(deps, user, assessment.id)).find((b) => b.createdAt === q.data.createdAt && b.role === q.data.role && b.department === department);
    if (!batch || batch.open === 0) throw notFoundPage();
    return sendPage(c, <RevokeConfirmPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={org} assessment={assessment} batch={batch} />);
  });

  app.post('/app/assessments/:id/links/revoke', async (c) => {
    const lang = c.get('lang');
    const { assessment } = await visibleAssessment(deps, c);
    const { batch } = await readBatch(c);
    const n = await revokeInvitationBatch(deps, c.get('user'), assessment.id, batch);
    return c.redirect(href(`/app/assessments/${assessment.id}/links`, lang, { done: 'linksRevoked', n: String(n) }), 303);
  });

  app.post('/app/assessments/:id/close', async (c) => {
    const { assessment } = await closeAssessmentFor(deps, c.get('user'), c.req.param('id'));
    return c.redirect(href(`/app/assessments/${assessment.id}`, c.get('lang'), { done: 'closed' }), 303);
  });

  app.post('/app/assessments/:id/reopen', async (c) => {
    const lang = c.get('lang');
    const picked = withPickedDay(await c.req.parseBody(), 'closesOn');
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(picked.body)) if (typeof v === 'string' && k !== 'csrf') values[k] = v;
    const invalid = () => page(c, undefined, 422, { values, errors: { closesOn: MANAGE[lang].fieldErrors.closesOn } });
    if (picked.bad) return invalid();
    const day = typeof picked.body.closesOn === 'string' && picked.body.closesOn ? picked.body.closesOn : null;
    try {
      await reopenAssessmentFor(deps, c.get('user'), c.req.param('id'), day ? endOfDayTehran(day) : null);
    } catch (err) {
      if (err instanceof Invalid) return invalid();
      throw err;
    }
    return c.redirect(href(`/app/assessments/${c.req.param('id')}`, lang, { done: 'reopened' }), 303);
  });

  /** The links as a CSV attachment: the answer itself, so the page the browser shows stays where it was. */
  function csvAnswer(c: Context<PagesEnv>, assessmentId: string, links: Parameters<typeof linksCsv>[0]) {
    if (!links.length) throw new NotFound('Links');
    return c.body(linksCsv(links), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${linksCsvName(assessmentId, clock())}"`,
    });
  }

  app.route('/', campaignRoutes(deps));
  return app;
}

// The cap in the reader's language; it belongs with assessment.errors in messages.{fa,en}.ts, which others were editing.
function capMessage(lang: Lang, existing: number): string {
  const f = fmtFor(lang);
  const left = f.count(Math.max(0, MAX_INVITATIONS_PER_ASSESSMENT - existing));
  const cap = f.count(MAX_INVITATIONS_PER_ASSESSMENT);
  return lang === 'fa'
    ? `هر ارزیابی حداکثر ${cap} پیوند می‌تواند داشته باشد؛ ${left} پیوند دیگر می‌توان ساخت.`
    : `An assessment can have at most ${cap} links; ${left} more can be created.`;
}
