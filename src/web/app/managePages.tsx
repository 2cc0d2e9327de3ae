import type { Assessment, Organization, User } from '../../domain/records.js';
import type { Lang } from '../shared/i18n.js';
import { AppPage, type Crumb } from './chrome.js';
import { Csrf, ErrorSummary, Field, type FormState } from './fields.js';
import { fmtFor, href } from './format.js';
import { JalaliDateField } from './jalaliField.js';
import { MANAGE } from './manageText.js';
import { MESSAGES } from './messages.js';
import { TargetsFieldset } from './orgForms.js';

// Editing and deleting organizations and assessments, and the step before closing: each a page of its own
// whose form posts, so all of it works without JavaScript.

interface Base {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
  crumbs: Crumb[];
}

export function OrganizationEditPage({ lang, switchHref, session, crumbs, org, form }: Base & { org: Organization; form: FormState }) {
  const t = MESSAGES[lang].orgs;
  const m = MANAGE[lang];
  const opt = MESSAGES[lang].form.optional;
  return (
    <AppPage lang={lang} title={m.orgEdit.title} switchHref={switchHref} session={session} crumbs={crumbs}>
      <h1>{m.orgEdit.title}</h1>
      <section class="card">
        <ErrorSummary lang={lang} form={form} />
        <form class="stack" method="post" action={href(`/app/organizations/${org.id}/edit`, lang)}>
          <Csrf value={session.csrf} />
          <Field form={form} name="nameFa" label={t.nameFa} required maxlength={600} dir="rtl" />
          <Field form={form} name="nameEn" label={`${t.nameEn} ${opt}`} maxlength={600} dir="ltr" />
          <Field form={form} name="sector" label={`${t.sector} ${opt}`} maxlength={400} />
          <Field form={form} name="headcount" label={`${t.headcount} ${opt}`} hint={t.headcountHint} type="number" />
          <div class="buttons">
            <button class="primary" type="submit">{m.actions.save}</button>
            <a class="button" href={href(`/app/organizations/${org.id}`, lang)}>{m.actions.cancel}</a>
          </div>
        </form>
      </section>
    </AppPage>
  );
}

export interface AssessmentEditProps extends Base {
  assessment: Assessment;
  form: FormState;
  /** Whether any response is in: the threshold is then fixed. */
  thresholdLocked: boolean;
  closed: boolean;
  now: Date;
}

export function AssessmentEditPage({ lang, switchHref, session, crumbs, assessment: a, form, thresholdLocked, closed, now }: AssessmentEditProps) {
  const t = MESSAGES[lang].org;
  const m = MANAGE[lang];
  const f = fmtFor(lang);
  return (
    <AppPage lang={lang} title={m.assessmentEdit.title} switchHref={switchHref} session={session} crumbs={crumbs}>
      <h1>{m.assessmentEdit.title}</h1>
      <section class="card">
        <ErrorSummary lang={lang} form={form} />
        <form class="stack" method="post" action={href(`/app/assessments/${a.id}/edit`, lang)}>
          <Csrf value={session.csrf} />
          <Field form={form} name="title" label={t.title} required maxlength={600} />
          {thresholdLocked ? (
            <div class="field" id="f-anonymityThreshold">
              <p>
                {t.threshold}: <strong>{f.count(a.anonymity_threshold)}</strong>
              </p>
              <p class="hint">{m.assessmentEdit.thresholdLocked}</p>
            </div>
          ) : (
            <Field form={form} name="anonymityThreshold" label={t.threshold} hint={t.thresholdHint} type="number" />
          )}
          <TargetsFieldset lang={lang} form={form} />
          {closed ? <p class="hint">{m.assessmentEdit.closedDate}</p> : <JalaliDateField lang={lang} form={form} name="closesOn" label={t.closesAt} hint={t.closesAtHint} now={now} />}
          <div class="buttons">
            <button class="primary" type="submit">{m.actions.save}</button>
            <a class="button" href={href(`/app/assessments/${a.id}`, lang)}>{m.actions.cancel}</a>
          </div>
        </form>
      </section>
    </AppPage>
  );
}

export interface DeleteProps extends Base {
  title: string;
  /** The name being deleted, shown so it can be typed. */
  name: string;
  body: string;
  /** When answers exist: the sentence asking for the typed name, and the field's label. */
  confirm?: { text: string; label: string };
  submit: string;
  action: string;
  cancelHref: string;
  form: FormState;
}

/** The step before a deletion: what goes, and (once answers exist) the name typed to confirm. */
export function DeletePage({ lang, switchHref, session, crumbs, title, name, body, confirm, submit, action, cancelHref, form }: DeleteProps) {
  const m = MANAGE[lang];
  return (
    <AppPage lang={lang} title={title} switchHref={switchHref} session={session} crumbs={crumbs}>
      <h1>{title}</h1>
      <section class="card">
        <p class="lead">
          <bdi>{name}</bdi>
        </p>
        <p>{body}</p>
        <ErrorSummary lang={lang} form={form} />
        <form class="stack" method="post" action={action}>
          <Csrf value={session.csrf} />
          {confirm ? (
            <>
              <p class="errors" role="note">{confirm.text}</p>
              <Field form={form} name="confirm" label={confirm.label} required maxlength={600} dir="auto" />
            </>
          ) : null}
          <div class="buttons">
            <button class="danger" type="submit">{submit}</button>
            <a class="button" href={cancelHref}>{m.actions.cancel}</a>
          </div>
        </form>
      </section>
    </AppPage>
  );
}

export interface CloseConfirmProps extends Base {
  assessment: Assessment;
  participation: { invited: number; submitted: number };
  closing?: { leftOut: number; moreToInclude: number };
}

/** GET /app/assessments/:id/close: what closing does, then the button that posts it. */
export function CloseConfirmPage({ lang, switchHref, session, crumbs, assessment: a, participation: p, closing }: CloseConfirmProps) {
  const m = MANAGE[lang].close;
  const t = MESSAGES[lang].assessment;
  const f = fmtFor(lang);
  return (
    <AppPage lang={lang} title={m.title} switchHref={switchHref} session={session} crumbs={crumbs}>
      <h1>{m.title}</h1>
      <section class="card" id="close-confirm">
        <p class="lead">
          <bdi>{a.title}</bdi>
        </p>
        <p>{m.counts(f.count(p.submitted), f.count(p.invited))}</p>
        <p>{m.lead}</p>
        <ul>
          {m.consequences.map((c) => (
            <li>{c}</li>
          ))}
        </ul>
        {closing?.leftOut ? (
          <p class="errors" id="close-leaves-out">
            {t.closeLeavesOut(f.count(closing.leftOut), closing.leftOut, f.count(closing.moreToInclude))}
          </p>
        ) : null}
        <form method="post" action={href(`/app/assessments/${a.id}/close`, lang)}>
          <Csrf value={session.csrf} />
          <div class="buttons">
            <button class="danger" type="submit">{m.submit}</button>
            <a class="button" href={href(`/app/assessments/${a.id}`, lang)}>{MANAGE[lang].actions.cancel}</a>
          </div>
        </form>
      </section>
    </AppPage>
  );
}

/** The card on a closed assessment's page that opens it again, with a new closing date or none. */
export function ReopenForm({ lang, csrf, id, form, now }: { lang: Lang; csrf: string; id: string; form: FormState; now: Date }) {
  const m = MANAGE[lang].reopen;
  return (
    <section class="card" id="reopen">
      <h2>{m.title}</h2>
      <p class="hint">{m.hint}</p>
      <ErrorSummary lang={lang} form={form} />
      <form class="stack" method="post" action={`${href(`/app/assessments/${id}/reopen`, lang)}#reopen`}>
        <Csrf value={csrf} />
        <JalaliDateField lang={lang} form={form} name="closesOn" label={m.date} now={now} />
        <div class="buttons">
          <button type="submit">{m.submit}</button>
        </div>
      </form>
    </section>
  );
}
