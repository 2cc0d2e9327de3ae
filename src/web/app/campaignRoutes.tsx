import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { Invalid } from '../../domain/errors.js';
import { userText } from '../../http/router.js';
import { splitAddressLines } from '../../mail/addresses.js';
import { requireWriter } from '../../services/access.js';
import { assessmentWithOrganization } from '../../services/assessments.js';
import { departmentsOf, isListedDepartment } from '../../services/departments.js';
import { InvitationCapReached, MAX_INVITATIONS_PER_ASSESSMENT } from '../../services/invitations.js';
import { campaignCounts, emailInvitations, mailConfigured, scheduleReminder, sendReminders } from '../../services/mailCampaign.js';
import { asciiDigits } from '../../text.js';
import { sendPage } from '../shared/layout.js';
import { EmailInvitePage, EmailOutcomePage } from './campaignPages.js';
import type { CampaignView } from './campaignPanel.js';
import { CAMPAIGN } from './campaignText.js';
import { sessionOf, switchHrefFor } from './chrome.js';
import { emptyForm, type FormState } from './fields.js';
import { fmtFor, href } from './format.js';
import { parseForm } from './forms.js';
import type { PagesEnv } from './session.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const emailForm = z.object({
  role: z.enum(['manager', 'staff']),
  department: z.preprocess(blank, userText(200).optional()),
  lang: z.enum(['fa', 'en']),
  emails: z.string().trim().min(3).max(700_000),
});
const reminderForm = z.object({ note: z.preprocess(blank, userText(2000, { multiline: true }).optional()) });

/** What the assessment page's campaign card shows; `reminded` comes back from the reminders' redirect. */
export async function campaignViewFor(deps: AppDeps, c: Context<PagesEnv>, assessmentId: string): Promise<CampaignView> {
  const counts = await campaignCounts(deps, c.get('user'), assessmentId);
  const n = (key: string) => (/^\d{1,6}$/.test(c.req.query(key) ?? '') ? Number(c.req.query(key)) : undefined);
  const recipients = n('reminded');
  return {
    ...counts,
    ...(recipients !== undefined && { reminded: { recipients, sent: n('sent') ?? 0, queued: n('queued') ?? 0 } }),
    noteRefused: c.req.query('noteRefused') === '1',
    scheduleRefused: c.req.query('scheduleRefused') === '1',
  };
}

/** Inviting by email (a page of its own, so a failed post comes back with what was typed) and reminding. */
export function campaignRoutes(deps: AppDeps) {
  const app = new Hono<PagesEnv>();

  async function invitePage(c: Context<PagesEnv>, form: FormState, status: 200 | 422 = 200) {
    const user = c.get('user');
    const { assessment, org } = await assessmentWithOrganization(deps, user, c.req.param('id') ?? '');
    requireWriter(user);
    const lang = c.get('lang');
    // Without SMTP_URL there is nothing to send with; the assessment page's card says so.
    if (!mailConfigured(deps)) return c.redirect(`${href(`/app/assessments/${assessment.id}`, lang)}#campaign`, 303);
    const departments = (await departmentsOf(deps, user, org.id)).map((d) => d.name);
    return sendPage(c, <EmailInvitePage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={org} assessment={assessment} departments={departments} form={form} />, status);
  }

  app.get('/app/assessments/:id/email', (c) => invitePage(c, emptyForm({ lang: c.get('lang') })));

  app.post('/app/assessments/:id/email', async (c) => {
    const user = c.get('user');
    const { assessment, org } = await assessmentWithOrganization(deps, user, c.req.param('id'));
    requireWriter(user);
    const lang = c.get('lang');
    if (!mailConfigured(deps)) return c.redirect(`${href(`/app/assessments/${assessment.id}`, lang)}#campaign`, 303);
    const t = CAMPAIGN[lang];
    const parsed = parseForm(emailForm, await c.req.parseBody(), t.errors);
    if (!parsed.ok) return invitePage(c, parsed.form, 422);
    const { role, department, lang: mailLang, emails } = parsed.data;
    if (department && !(await isListedDepartment(deps, org.id, department))) return invitePage(c, { values: parsed.form.values, errors: { department: t.errors.department } }, 422);
    const entries = splitAddressLines(emails);
    try {
      const outcome = await emailInvitations(deps, user, assessment.id, { role, department: department ?? null, emails: entries.map((e) => e.value), lang: mailLang });
      return sendPage(c, <EmailOutcomePage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={org} assessment={assessment} outcome={outcome} />);
    } catch (err) {
      if (err instanceof InvitationCapReached) return invitePage(c, { values: parsed.form.values, errors: { emails: t.cap(fmtFor(lang).count(MAX_INVITATIONS_PER_ASSESSMENT - err.existing)) } }, 422);
      if (!(err instanceof Invalid)) throw err;
      // The service names bad addresses by index (emails.3); the page names the lines they were typed on.
      const lines = [...new Set(err.fieldErrors.map((e) => /^emails\.(\d+)$/.exec(e.path)).filter((m) => m !== null).map((m) => entries[Number(m[1])].line))];
      const message = lines.length ? t.badLines(lines.map((l) => fmtFor(lang).count(l)).join(lang === 'fa' ? '، ' : ', ')) : t.errors.emails;
      return invitePage(c, { values: parsed.form.values, errors: { emails: message } }, 422);
    }
  });

  app.post('/app/assessments/:id/reminders', async (c) => {
    const lang = c.get('lang');
    const parsed = parseForm(reminderForm, await c.req.parseBody(), {});
    const id = c.req.param('id');
    // A note the API would refuse (control or direction characters) sends nothing; the card says why.
    if (!parsed.ok) return c.redirect(`${href(`/app/assessments/${id}`, lang, { noteRefused: '1' })}#campaign`, 303);
    const r = await sendReminders(deps, c.get('user'), id, { note: parsed.data.note ?? null });
    // Redirected, so reloading the page never sends the reminders again.
    return c.redirect(`${href(`/app/assessments/${id}`, lang, { reminded: String(r.recipients), sent: String(r.sent), queued: String(r.queued) })}#campaign`, 303);
  });

  app.post('/app/assessments/:id/reminders/schedule', async (c) => {
    const lang = c.get('lang');
    const id = c.req.param('id');
    const raw = asciiDigits(String((await c.req.parseBody()).daysBefore ?? '').trim());
    const days = raw === '' ? null : /^\d{1,2}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 60 ? Number(raw) : undefined;
    if (days === undefined) return c.redirect(`${href(`/app/assessments/${id}`, lang, { scheduleRefused: '1' })}#campaign`, 303);
    await scheduleReminder(deps, c.get('user'), id, { daysBefore: days, note: null });
    return c.redirect(`${href(`/app/assessments/${id}`, lang)}#campaign`, 303);
  });

  return app;
}
