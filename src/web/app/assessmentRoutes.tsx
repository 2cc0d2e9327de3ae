import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../deps.js';
import type { Assessment, Organization } from '../../domain/records.js';
import { requireWriter } from '../../services/access.js';
import { assessmentOverview, assessmentWithOrganization, closeAssessmentFor } from '../../services/assessments.js';
import { createInvitationLinks, InvitationCapReached, MAX_INVITATIONS_PER_ASSESSMENT } from '../../services/invitations.js';
import type { Lang } from '../shared/i18n.js';
import { sendPage } from '../shared/layout.js';
import { AssessmentPage, LinksPage } from './assessment.js';
import { campaignRoutes, campaignViewFor } from './campaignRoutes.js';
import { sessionOf, switchHrefFor } from './chrome.js';
import { emptyForm, type FormState } from './fields.js';
import { fmtFor, href } from './format.js';
import { invitationForm, parseForm } from './forms.js';
import { linksCsv, linksCsvDataUrl, linksCsvName } from './linksCsv.js';
import { MESSAGES } from './messages.js';
import type { PagesEnv } from './session.js';

/** The assessment the signed-in user may see, with its organization; another tenant's id is a 404 page. */
export async function visibleAssessment(deps: AppDeps, c: Context<PagesEnv>): Promise<{ assessment: Assessment; org: Organization }> {
  return assessmentWithOrganization(deps, c.get('user'), c.req.param('id') ?? '');
}

/** One assessment: participation, links to its results and exports, the link generator and the close button. */
export function assessmentRoutes(deps: AppDeps) {
  const { clock } = deps;
  const app = new Hono<PagesEnv>();

  async function page(c: Context<PagesEnv>, form?: FormState, status: 200 | 422 = 200) {
    const { assessment, org, participation, closing, closed } = await assessmentOverview(deps, c.get('user'), c.req.param('id') ?? '');
    const lang = c.get('lang');
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
        campaign={await campaignViewFor(deps, c, assessment.id)}
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
    let links;
    try {
      links = await createInvitationLinks(deps, user, assessment.id, [{ role, department: department ?? null, count }]);
    } catch (err) {
      if (err instanceof InvitationCapReached) return page(c, { values: parsed.form.values, errors: { count: capMessage(lang, err.existing) } }, 422);
      throw err;
    }
    const name = linksCsvName(assessment.id, clock());
    // The tokens exist only in this response, so the CSV is produced here: either as the whole answer
    // (format=csv) or as a data: URL on the page that lists the links.
    if (body.format === 'csv')
      return c.body(linksCsv(links), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
      });
    return sendPage(
      c,
      <LinksPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={org} assessment={assessment} links={links} csvHref={linksCsvDataUrl(links)} csvName={name} />,
    );
  });

  app.post('/app/assessments/:id/close', async (c) => {
    const { assessment } = await closeAssessmentFor(deps, c.get('user'), c.req.param('id'));
    return c.redirect(href(`/app/assessments/${assessment.id}`, c.get('lang')), 303);
  });

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
