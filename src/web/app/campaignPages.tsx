import type { Assessment, Organization, User } from '../../domain/records.js';
import type { EmailedInvitation } from '../../services/mailCampaign.js';
import type { Lang } from '../shared/i18n.js';
import { assessmentCrumbs } from './assessment.js';
import { CAMPAIGN } from './campaignText.js';
import { AppPage } from './chrome.js';
import { Csrf, ErrorSummary, type FormState, SelectField } from './fields.js';
import { fmtFor, href } from './format.js';

interface Common {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
  org: Organization;
  assessment: Assessment;
}

/** The form that invites a list of addresses by email (one link each), with its errors when it came back. */
export function EmailInvitePage({ lang, switchHref, session, org, assessment: a, departments, form }: Common & { departments: string[]; form: FormState }) {
  const t = CAMPAIGN[lang];
  const f = fmtFor(lang);
  const error = form.errors.emails;
  return (
    <AppPage lang={lang} title={t.pageTitle} switchHref={switchHref} session={session} crumbs={assessmentCrumbs(lang, org, a, t.pageTitle)}>
      <h1>{t.pageTitle}</h1>
      <p>{t.pageIntro(a.closes_at ? f.date(a.closes_at) : null)}</p>
      <p class="hint">{t.privacy}</p>
      <section class="card" id="email-invite">
        <ErrorSummary lang={lang} form={form} />
        <form class="stack" method="post" action={href(`/app/assessments/${a.id}/email`, lang)}>
          <Csrf value={session.csrf} />
          <SelectField form={form} name="role" label={t.role} options={[{ value: 'staff', label: t.roles.staff }, { value: 'manager', label: t.roles.manager }]} />
          <SelectField form={form} name="department" label={t.department} options={[{ value: '', label: t.noDepartment }, ...departments.map((d) => ({ value: d, label: d }))]} />
          <SelectField form={form} name="lang" label={t.lang} options={[{ value: 'fa', label: t.langs.fa }, { value: 'en', label: t.langs.en }]} />
          <div class="field">
            <label for="f-emails">{t.emails}</label>
            <p class="hint" id="f-emails-hint">
              {t.emailsHint}
            </p>
            <textarea
              id="f-emails"
              name="emails"
              rows={8}
              dir="ltr"
              required
              autocomplete="off"
              spellcheck={false}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'f-emails-hint f-emails-err' : 'f-emails-hint'}
            >
              {form.values.emails ?? ''}
            </textarea>
            {error ? (
              <p class="field-error" id="f-emails-err">
                {error}
              </p>
            ) : null}
          </div>
          <div class="buttons">
            <button class="primary" type="submit">
              {t.send}
            </button>
            <a class="button" href={href(`/app/assessments/${a.id}`, lang)}>
              {t.back}
            </a>
          </div>
        </form>
      </section>
    </AppPage>
  );
}

export interface EmailOutcome {
  invitations: EmailedInvitation[];
  sent: number;
  queued: number;
  failed: number;
  alreadyInvited: number;
}

/** What became of each address just typed: shown once, right after sending, and never again. */
export function EmailOutcomePage({ lang, switchHref, session, org, assessment: a, outcome: o }: Common & { outcome: EmailOutcome }) {
  const t = CAMPAIGN[lang];
  const f = fmtFor(lang);
  return (
    <AppPage lang={lang} title={t.resultTitle(f.count(o.invitations.length))} switchHref={switchHref} session={session} crumbs={assessmentCrumbs(lang, org, a, t.pageTitle)}>
      <h1>{t.resultTitle(f.count(o.invitations.length))}</h1>
      <p class={o.failed ? 'errors' : 'flash'} role="status" id="email-summary">
        {t.resultSummary(f.count(o.sent), f.count(o.queued), f.count(o.failed), f.count(o.alreadyInvited))}
      </p>
      <p class="hint">{t.resultNote}</p>
      <div class="table-wrap card">
        <table class="stacked" id="email-outcome">
          <thead>
            <tr>
              <th scope="col">{t.columns.email}</th>
              <th scope="col">{t.columns.status}</th>
              <th scope="col">{t.columns.error}</th>
            </tr>
          </thead>
          <tbody>
            {o.invitations.map((i) => (
              <tr data-status={i.status}>
                <th scope="row" dir="ltr">
                  {i.email}
                </th>
                <td data-label={t.columns.status}>
                  <span class={i.status === 'failed' ? 'badge high' : i.status === 'sent' ? 'badge open' : 'badge'}>{t.status[i.status]}</span>
                </td>
                <td data-label={t.columns.error} dir="ltr">
                  {i.error ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="buttons">
        <a class="button primary" href={href(`/app/assessments/${a.id}`, lang)}>
          {t.back}
        </a>
        <a class="button" href={href(`/app/assessments/${a.id}/email`, lang)}>
          {t.pageTitle}
        </a>
      </div>
    </AppPage>
  );
}
