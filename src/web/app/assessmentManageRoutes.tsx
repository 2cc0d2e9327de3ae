import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../deps.js';
import { Invalid } from '../../domain/errors.js';
import { requireWriter } from '../../services/access.js';
import { assessmentOverview, deleteAssessment, editAssessment } from '../../services/assessments.js';
import { sendPage } from '../shared/layout.js';
import { assessmentCrumbs } from './assessment.js';
import { sessionOf, switchHrefFor } from './chrome.js';
import { emptyForm, type FormState } from './fields.js';
import { fmtFor, href } from './format.js';
import { assessmentEditForm, endOfDayTehran, parseForm, withPickedDay } from './forms.js';
import { jalaliValues } from './jalaliField.js';
import { AssessmentEditPage, CloseConfirmPage, DeletePage } from './managePages.js';
import { MANAGE } from './manageText.js';
import { MESSAGES } from './messages.js';
import type { PagesEnv } from './session.js';

/** Editing and deleting an assessment, and the page before closing it. */
export function assessmentManageRoutes(deps: AppDeps) {
  const app = new Hono<PagesEnv>();

  const overview = async (c: Context<PagesEnv>) => {
    requireWriter(c.get('user'));
    return assessmentOverview(deps, c.get('user'), c.req.param('id') ?? '');
  };

  app.get('/app/assessments/:id/close', async (c) => {
    const lang = c.get('lang');
    const { assessment, org, participation, closing, closed } = await overview(c);
    if (closed) return c.redirect(href(`/app/assessments/${assessment.id}`, lang), 303);
    const crumbs = assessmentCrumbs(lang, org, assessment, MANAGE[lang].close.title);
    return sendPage(c, <CloseConfirmPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} crumbs={crumbs} assessment={assessment} participation={participation} closing={closing} />);
  });

  async function editPage(c: Context<PagesEnv>, form?: FormState, status: 200 | 422 = 200) {
    const lang = c.get('lang');
    const { assessment: a, org, participation, closed } = await overview(c);
    const f = fmtFor(lang);
    const plain = (n: number | null) => (n === null ? '' : f.count(n).replace(/[٬,]/g, ''));
    const initial =
      form ??
      emptyForm({
        title: a.title,
        anonymityThreshold: plain(a.anonymity_threshold),
        targetCulture: a.target_culture === null ? '' : String(a.target_culture),
        targetProcess: a.target_process === null ? '' : String(a.target_process),
        targetInteraction: a.target_interaction === null ? '' : String(a.target_interaction),
        ...jalaliValues('closesOn', a.closes_at),
      });
    const crumbs = assessmentCrumbs(lang, org, a, MANAGE[lang].assessmentEdit.title);
    return sendPage(
      c,
      <AssessmentEditPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} crumbs={crumbs} assessment={a} form={initial} thresholdLocked={participation.submitted > 0} closed={closed} now={deps.clock()} />,
      status,
    );
  }

  app.get('/app/assessments/:id/edit', (c) => editPage(c));

  app.post('/app/assessments/:id/edit', async (c) => {
    const lang = c.get('lang');
    const messages = MESSAGES[lang].org.errors;
    const picked = withPickedDay(await c.req.parseBody(), 'closesOn');
    const parsed = parseForm(assessmentEditForm, picked.body, messages);
    if (picked.bad) return editPage(c, { values: parsed.form.values, errors: { ...parsed.form.errors, closesOn: messages.closesOn } }, 422);
    if (!parsed.ok) return editPage(c, parsed.form, 422);
    const b = parsed.data;
    const { closed } = await overview(c);
    try {
      await editAssessment(deps, c.get('user'), c.req.param('id'), {
        title: b.title,
        anonymityThreshold: b.anonymityThreshold,
        targets: { culture: b.targetCulture ?? null, process: b.targetProcess ?? null, interaction: b.targetInteraction ?? null },
        // A closed assessment's form has no date; its date changes only when it is reopened.
        closesAt: closed ? undefined : b.closesOn ? endOfDayTehran(b.closesOn) : null,
      });
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      const errors: Record<string, string> = {};
      for (const { path } of err.fieldErrors) errors[path === 'closesAt' ? 'closesOn' : path] = path === 'closesAt' ? messages.closesOn : MANAGE[lang].assessmentEdit.thresholdLocked;
      return editPage(c, { values: parsed.form.values, errors }, 422);
    }
    return c.redirect(href(`/app/assessments/${c.req.param('id')}`, lang, { done: 'assessmentSaved' }), 303);
  });

  async function deletePage(c: Context<PagesEnv>, form?: FormState, status: 200 | 422 = 200) {
    const lang = c.get('lang');
    const { assessment: a, org, participation } = await overview(c);
    const m = MANAGE[lang].deleteAssessment;
    return sendPage(
      c,
      <DeletePage
        lang={lang}
        switchHref={switchHrefFor(c, lang)}
        session={sessionOf(c)!}
        crumbs={assessmentCrumbs(lang, org, a, m.title)}
        title={m.title}
        name={a.title}
        body={m.body}
        confirm={participation.submitted ? { text: m.submitted(fmtFor(lang).count(participation.submitted)), label: m.confirmLabel } : undefined}
        submit={m.submit}
        action={href(`/app/assessments/${a.id}/delete`, lang)}
        cancelHref={href(`/app/assessments/${a.id}`, lang)}
        form={form ?? emptyForm()}
      />,
      status,
    );
  }

  app.get('/app/assessments/:id/delete', (c) => deletePage(c));

  app.post('/app/assessments/:id/delete', async (c) => {
    const lang = c.get('lang');
    const body = await c.req.parseBody();
    const typed = typeof body.confirm === 'string' ? body.confirm : undefined;
    let a;
    try {
      a = await deleteAssessment(deps, c.get('user'), c.req.param('id'), typed);
    } catch (err) {
      if (err instanceof Invalid && err.code === 'confirmName') return deletePage(c, { values: { confirm: typed ?? '' }, errors: { confirm: MANAGE[lang].confirmMismatch } }, 422);
      throw err;
    }
    return c.redirect(href(`/app/organizations/${a.organization_id}`, lang, { done: 'assessmentDeleted' }), 303);
  });

  return app;
}
