import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../deps.js';
import { countParticipation, isClosed, listAssessments } from '../../repositories/assessments.js';
import { startAssessment } from '../../services/assessments.js';
import { recordAudit } from '../../repositories/audit.js';
import { findOrganization, insertOrganization, listOrganizations } from '../../repositories/organizations.js';
import { sendPage } from '../shared/layout.js';
import { sessionOf, switchHrefFor } from './chrome.js';
import { emptyForm, type FormState } from './fields.js';
import { fmtFor, href } from './format.js';
import { assessmentForm, endOfDayTehran, organizationForm, parseForm } from './forms.js';
import { MESSAGES } from './messages.js';
import { OrganizationPage, OrganizationsPage } from './organizations.js';
import { notFoundPage, requireWriter, type PagesEnv } from './session.js';

/** The list of organizations, one organization with its assessments, and the forms that create both. */
export function organizationRoutes(deps: AppDeps) {
  const { db, clock, questionnaires } = deps;
  const app = new Hono<PagesEnv>();

  async function listPage(c: Context<PagesEnv>, form: FormState, status: 200 | 422 = 200) {
    const user = c.get('user');
    const lang = c.get('lang');
    const orgs = await listOrganizations(db, user);
    const rows = await Promise.all(orgs.map(async (org) => ({ org, assessments: (await listAssessments(db, org.id)).length })));
    return sendPage(c, <OrganizationsPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} orgs={rows} form={form} />, status);
  }

  async function orgPage(c: Context<PagesEnv>, orgId: string, form?: FormState, status: 200 | 422 = 200) {
    const user = c.get('user');
    const lang = c.get('lang');
    const org = await findOrganization(db, user, orgId);
    if (!org) throw notFoundPage();
    const now = clock();
    const rows = await Promise.all(
      (await listAssessments(db, org.id)).map(async (a) => ({ a, p: await countParticipation(db, a.id), closed: isClosed(a, now) })),
    );
    const f = fmtFor(lang);
    const list = questionnaires.list();
    const options = [...list].reverse().map((q) => ({
      value: `${q.definition.id}@${q.definition.version}`,
      label: MESSAGES[lang].org.questionnaireOption(q.definition.title[lang], f.count(q.definition.version), f.count(q.definition.items.length)),
    }));
    const initial = form ?? emptyForm({ anonymityThreshold: f.count(5) });
    return sendPage(
      c,
      <OrganizationPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={org} rows={rows} questionnaires={options} form={initial} />,
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
    const now = clock();
    const org = await insertOrganization(db, { nameFa: b.nameFa, nameEn: b.nameEn ?? null, sector: b.sector ?? null, headcount: b.headcount ?? null, createdBy: user.id }, now);
    await recordAudit(db, user, { action: 'organization.create', organizationId: org.id, targetType: 'organization', targetId: org.id }, now);
    return c.redirect(href(`/app/organizations/${org.id}`, lang), 303);
  });

  app.get('/app/organizations/:orgId', (c) => orgPage(c, c.req.param('orgId')));

  app.post('/app/organizations/:orgId/assessments', async (c) => {
    const user = c.get('user');
    const lang = c.get('lang');
    const org = await findOrganization(db, user, c.req.param('orgId'));
    if (!org) throw notFoundPage();
    requireWriter(user);
    const messages = MESSAGES[lang].org.errors;
    const parsed = parseForm(assessmentForm, await c.req.parseBody(), messages);
    if (!parsed.ok) return orgPage(c, org.id, parsed.form, 422);
    const b = parsed.data;
    const [qid, version] = b.questionnaire.split('@');
    const q = questionnaires.get(qid, Number(version));
    const now = clock();
    const closesAt = b.closesOn ? endOfDayTehran(b.closesOn) : null;
    const errors: Record<string, string> = {};
    if (!q) errors.questionnaire = messages.questionnaire;
    if (closesAt && !(closesAt.getTime() > now.getTime())) errors.closesOn = messages.closesOn;
    if (!q || Object.keys(errors).length) return orgPage(c, org.id, { values: parsed.form.values, errors }, 422);

    const targets = { culture: b.targetCulture, process: b.targetProcess, interaction: b.targetInteraction };
    const a = await startAssessment(db, user, org, q, { title: b.title, anonymityThreshold: b.anonymityThreshold, targets, closesAt }, now);
    return c.redirect(href(`/app/assessments/${a.id}`, lang), 303);
  });

  return app;
}
