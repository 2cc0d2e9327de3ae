import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../deps.js';
import { Invalid } from '../../domain/errors.js';
import { requireWriter } from '../../services/access.js';
import { startAssessment } from '../../services/assessments.js';
import {
  createOrganization,
  deleteOrganization,
  editOrganization,
  organizationFor,
  organizationsWithAssessmentCounts,
  organizationWithAssessments,
} from '../../services/organizations.js';
import { sendPage } from '../shared/layout.js';
import { sessionOf, switchHrefFor } from './chrome.js';
import { emptyForm, type FormState } from './fields.js';
import { fmtFor, href } from './format.js';
import { assessmentForm, endOfDayTehran, organizationForm, parseForm, withPickedDay } from './forms.js';
import { DeletePage, OrganizationEditPage } from './managePages.js';
import { flashText, MANAGE } from './manageText.js';
import { MESSAGES } from './messages.js';
import { OrganizationPage, OrganizationsPage, orgName } from './organizations.js';
import type { PagesEnv } from './session.js';

/** The list of organizations, one organization with its assessments, and the forms that create, edit and delete them. */
export function organizationRoutes(deps: AppDeps) {
  const { questionnaires } = deps;
  const app = new Hono<PagesEnv>();
  const flash = (c: Context<PagesEnv>) => flashText(c.get('lang'), c.req.query('done'), c.req.query('n'));

  async function listPage(c: Context<PagesEnv>, form: FormState, status: 200 | 422 = 200) {
    const lang = c.get('lang');
    const rows = await organizationsWithAssessmentCounts(deps, c.get('user'));
    return sendPage(c, <OrganizationsPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} orgs={rows} form={form} flash={flash(c)} />, status);
  }

  async function orgPage(c: Context<PagesEnv>, orgId: string, form?: FormState, status: 200 | 422 = 200) {
    const lang = c.get('lang');
    const { org, assessments } = await organizationWithAssessments(deps, c.get('user'), orgId);
    const rows = assessments.map(({ assessment, participation, closed }) => ({ a: assessment, p: participation, closed }));
    const f = fmtFor(lang);
    const list = questionnaires.list();
    const options = [...list].reverse().map((q) => ({
      value: `${q.definition.id}@${q.definition.version}`,
      label: MESSAGES[lang].org.questionnaireOption(q.definition.title[lang], f.count(q.definition.version), f.count(q.definition.items.length)),
    }));
    const initial = form ?? emptyForm({ anonymityThreshold: f.count(5) });
    return sendPage(
      c,
      <OrganizationPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={org} rows={rows} questionnaires={options} form={initial} now={deps.clock()} flash={form ? undefined : flash(c)} />,
      status,
    );
  }

  app.get('/app', (c) => listPage(c, emptyForm()));

  app.post('/app/organizations', async (c) => {
    const user = c.get('user');
    requireWriter(user);
    const lang = c.get('lang');
    const parsed = parseForm(organizationForm, await c.req.parseBody(), MESSAGES[lang].orgs.errors);
    if (!parsed.ok) return listPage(c, parsed.form, 422);
    const b = parsed.data;
    const org = await createOrganization(deps, user, { nameFa: b.nameFa, nameEn: b.nameEn ?? null, sector: b.sector ?? null, headcount: b.headcount ?? null });
    return c.redirect(href(`/app/organizations/${org.id}`, lang, { done: 'orgCreated' }), 303);
  });

  app.get('/app/organizations/:orgId', (c) => orgPage(c, c.req.param('orgId')));

  app.post('/app/organizations/:orgId/assessments', async (c) => {
    const user = c.get('user');
    const lang = c.get('lang');
    const org = await organizationFor(deps, user, c.req.param('orgId'));
    requireWriter(user);
    const messages = MESSAGES[lang].org.errors;
    const picked = withPickedDay(await c.req.parseBody(), 'closesOn');
    const parsed = parseForm(assessmentForm, picked.body, messages);
    if (picked.bad) return orgPage(c, org.id, { values: parsed.form.values, errors: { ...parsed.form.errors, closesOn: messages.closesOn } }, 422);
    if (!parsed.ok) return orgPage(c, org.id, parsed.form, 422);
    const b = parsed.data;
    const [questionnaireId, version] = b.questionnaire.split('@');
    const targets = { culture: b.targetCulture, process: b.targetProcess, interaction: b.targetInteraction };
    const request = { title: b.title, questionnaireId, questionnaireVersion: Number(version), anonymityThreshold: b.anonymityThreshold, targets, closesAt: b.closesOn ? endOfDayTehran(b.closesOn) : null };
    let a;
    try {
      a = await startAssessment(deps, user, org.id, request);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      // The service names the API's fields; the form shows its own, in the reader's language.
      const errors: Record<string, string> = {};
      for (const { path } of err.fieldErrors) {
        if (path === 'closesAt') errors.closesOn = messages.closesOn;
        else errors.questionnaire = messages.questionnaire;
      }
      return orgPage(c, org.id, { values: parsed.form.values, errors }, 422);
    }
    return c.redirect(href(`/app/assessments/${a.id}`, lang, { done: 'assessmentCreated' }), 303);
  });

  const crumbs = (c: Context<PagesEnv>, org: { id: string; name_fa: string; name_en: string | null }, here: string) => [
    { label: MESSAGES[c.get('lang')].nav.organizations, href: href('/app', c.get('lang')) },
    { label: orgName(org, c.get('lang')), href: href(`/app/organizations/${org.id}`, c.get('lang')) },
    { label: here },
  ];

  async function editPage(c: Context<PagesEnv>, form?: FormState, status: 200 | 422 = 200) {
    const lang = c.get('lang');
    const org = await organizationFor(deps, c.get('user'), c.req.param('orgId') ?? '');
    requireWriter(c.get('user'));
    const f = fmtFor(lang);
    const initial = form ?? emptyForm({ nameFa: org.name_fa, nameEn: org.name_en ?? '', sector: org.sector ?? '', headcount: org.headcount === null ? '' : f.count(org.headcount).replace(/[٬,]/g, '') });
    return sendPage(c, <OrganizationEditPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} crumbs={crumbs(c, org, MANAGE[lang].orgEdit.title)} org={org} form={initial} />, status);
  }

  app.get('/app/organizations/:orgId/edit', (c) => editPage(c));

  app.post('/app/organizations/:orgId/edit', async (c) => {
    const lang = c.get('lang');
    const parsed = parseForm(organizationForm, await c.req.parseBody(), MESSAGES[lang].orgs.errors);
    if (!parsed.ok) return editPage(c, parsed.form, 422);
    const b = parsed.data;
    const org = await editOrganization(deps, c.get('user'), c.req.param('orgId'), { nameFa: b.nameFa, nameEn: b.nameEn ?? null, sector: b.sector ?? null, headcount: b.headcount ?? null });
    return c.redirect(href(`/app/organizations/${org.id}`, lang, { done: 'orgSaved' }), 303);
  });

  async function deletePage(c: Context<PagesEnv>, form?: FormState, status: 200 | 422 = 200) {
    const lang = c.get('lang');
    const { org, assessments } = await organizationWithAssessments(deps, c.get('user'), c.req.param('orgId') ?? '');
    requireWriter(c.get('user'));
    const m = MANAGE[lang].deleteOrg;
    const submitted = assessments.reduce((n, a) => n + a.participation.submitted, 0);
    return sendPage(
      c,
      <DeletePage
        lang={lang}
        switchHref={switchHrefFor(c, lang)}
        session={sessionOf(c)!}
        crumbs={crumbs(c, org, m.title)}
        title={m.title}
        name={orgName(org, lang)}
        body={m.body}
        confirm={submitted ? { text: m.submitted(fmtFor(lang).count(submitted)), label: m.confirmLabel } : undefined}
        submit={m.submit}
        action={href(`/app/organizations/${org.id}/delete`, lang)}
        cancelHref={href(`/app/organizations/${org.id}`, lang)}
        form={form ?? emptyForm()}
      />,
      status,
    );
  }

  app.get('/app/organizations/:orgId/delete', (c) => deletePage(c));

  app.post('/app/organizations/:orgId/delete', async (c) => {
    const lang = c.get('lang');
    const body = await c.req.parseBody();
    const typed = typeof body.confirm === 'string' ? body.confirm : undefined;
    try {
      await deleteOrganization(deps, c.get('user'), c.req.param('orgId'), typed);
    } catch (err) {
      if (err instanceof Invalid && err.code === 'confirmName') return deletePage(c, { values: { confirm: typed ?? '' }, errors: { confirm: MANAGE[lang].confirmMismatch } }, 422);
      throw err;
    }
    return c.redirect(href('/app', lang, { done: 'orgDeleted' }), 303);
  });

  return app;
}
