import { ACTION_STATUSES, type ActionRecord } from '../../domain/actions.js';
import type { MeasuredAction } from '../../domain/actionsChange.js';
import type { Assessment, Organization, User } from '../../domain/records.js';
import type { Lang } from '../shared/i18n.js';
import { ACTIONS_TEXT, type ActionsText } from './actionsText.js';
import { AppPage } from './chrome.js';
import { Csrf, ErrorSummary, Field, type FormState, SelectField } from './fields.js';
import { type Fmt, fmtFor, href, isolate } from './format.js';
import { MESSAGES } from './messages.js';
import { orgName } from './organizations.js';

export type BoardRow = MeasuredAction & { assessment: Assessment };

export interface ActionsBoardProps {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
  org: Organization;
  assessments: Assessment[];
  rows: BoardRow[];
  comparable: boolean;
  /** Dimensions and sections of the newest assessment's questionnaire, for the new action's target. */
  targets: Array<{ group: 'dimension' | 'section'; value: string; label: string }>;
  form: FormState;
  /** The action just created or changed, scrolled to and marked. */
  highlight?: string;
  /** An edit that came back: the action's form is shown open with what was typed and why it was refused. */
  editing?: { actionId: string; form: FormState };
}

/** A due day (YYYY-MM-DD) in the reader's calendar: Jalali in fa. Noon UTC, so no zone moves it a day. */
const dueDay = (f: Fmt, day: string) => f.date(`${day}T12:00:00Z`);

/** An organization's actions with status, due date (overdue marked), owner, target and measured change. */
export function ActionsBoardPage({ lang, switchHref, session, org, assessments, rows, comparable, targets, form, highlight, editing }: ActionsBoardProps) {
  const t = ACTIONS_TEXT[lang];
  const f = fmtFor(lang);
  const name = orgName(org, lang);
  const writer = session.user.role !== 'manager';
  const orgHref = href(`/app/organizations/${org.id}`, lang);
  return (
    <AppPage lang={lang} title={`${t.title} · ${name}`} switchHref={switchHref} session={session} crumbs={[{ label: MESSAGES[lang].nav.organizations, href: href('/app', lang) }, { label: name, href: orgHref }, { label: t.crumb }]}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {comparable ? null : <p class="card small">{t.change.incomparable}</p>}
      {rows.length ? (
        <ul class="list" id="actions">
          {rows.map((row) => (
            <ActionItem lang={lang} t={t} f={f} row={row} csrf={session.csrf} writer={writer} highlight={row.action.id === highlight} editing={editing?.actionId === row.action.id ? editing.form : undefined} />
          ))}
        </ul>
      ) : (
        <p class="card">{t.none}</p>
      )}
      {writer ? <NewActionForm lang={lang} t={t} csrf={session.csrf} orgId={org.id} assessments={assessments} targets={targets} form={form} /> : <p class="muted">{t.readOnly}</p>}
    </AppPage>
  );
}

function ActionItem({ lang, t, f, row, csrf, writer, highlight, editing }: { lang: Lang; t: ActionsText; f: Fmt; row: BoardRow; csrf: string; writer: boolean; highlight: boolean; editing?: FormState }) {
  const { action: a, assessment, overdue } = row;
  return (
    <li id={`action-${a.id}`} data-action={a.id} data-status={a.status} data-overdue={overdue ? 'true' : undefined} aria-current={highlight ? 'true' : undefined}>
      <h3>
        <bdi>{a.title}</bdi>
      </h3>
      <p class="meta">
        <span class={`badge ${a.status === 'done' ? 'low' : a.status === 'dropped' ? 'closed' : 'open'}`}>{t.status[a.status]}</span>
        {overdue ? <span class="badge high">{t.overdue}</span> : null}
        <span>{t.due(dueDay(f, a.due_date))}</span>
        <span>{t.owner(isolate(a.owner))}</span>
      </p>
      <p class="small">
        {t.target(row.targetName[lang])}
        <br />
        <span class="muted">{t.fromAssessment(isolate(assessment.title))}</span>
      </p>
      {a.description ? (
        <p class="small">
          <bdi>{a.description}</bdi>
        </p>
      ) : null}
      <MeasuredChange t={t} f={f} row={row} />
      {writer ? <EditForm lang={lang} t={t} action={a} csrf={csrf} came={editing} /> : null}
    </li>
  );
}

/** The target's change to the next assessment, or why there is none yet. */
function MeasuredChange({ t, f, row }: { t: ActionsText; f: Fmt; row: BoardRow }) {
  const m = row.measure;
  if (m.status !== 'measured' || !m.change || !m.before || !m.after) {
    return (
      <p class="small muted" data-change="none">
        {t.change.note[m.status === 'measured' ? 'notDisclosed' : m.status]}
        {m.missingItems.length ? ` ${t.change.missingItems(m.missingItems.join(f.lang === 'fa' ? '، ' : ', '))}` : null}
      </p>
    );
  }
  const c = m.change;
  const l = t.change.labels;
  // Each figure apart, the p-value isolated left to right, so no figure reorders its neighbours in Persian.
  return (
    <div class="card small" data-change="measured">
      <p>
        <strong>{l.measured}</strong>
        {t.change.figures(f.score(m.before.mean), f.score(m.after.mean), f.signed(c.delta))}
      </p>
      {c.tested ? (
        <p class="muted">
          <span>
            {l.ci}
            <bdi>{f.signedRange(c.ci95 ? [c.ci95.low, c.ci95.high] : null)}</bdi>
          </span>
          {' · '}
          <bdi dir="ltr">{f.p(c.p)}</bdi>
          {' · '}
          <span>
            {l.d}
            <bdi>{f.coef(c.cohensD)}</bdi>
          </span>
          {' · '}
          <strong>{c.significant ? t.change.significant : t.change.notSignificant}</strong>
        </p>
      ) : (
        <p class="muted">{t.change.untested}</p>
      )}
    </div>
  );
}

/** One labelled box of an action's edit form; ids carry the action's, since every action has its form on the page. */
function EditField({ id, name, label, value, error, type = 'text', hint }: { id: string; name: string; label: string; value: string; error?: string; type?: 'text' | 'date'; hint?: string }) {
  const described = [hint && `${id}-hint`, error && `${id}-err`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      <input type={type} id={id} name={name} value={value} required maxlength={400} autocomplete="off" aria-invalid={error ? 'true' : undefined} aria-describedby={described} />
      {error ? <p class="field-error" id={`${id}-err`}>{error}</p> : null}
    </div>
  );
}

function EditForm({ lang, t, action: a, csrf, came }: { lang: Lang; t: ActionsText; action: ActionRecord; csrf: string; came?: FormState }) {
  const values = came?.values ?? { owner: a.owner, dueDate: a.due_date, status: a.status };
  const errors = came?.errors ?? {};
  const id = (name: string) => `e-${a.id}-${name}`;
  return (
    <details open={came ? true : undefined}>
      <summary>{t.edit}</summary>
      <form class="stack" method="post" action={`${href(`/app/actions/${a.id}`, lang)}#action-${a.id}`}>
        <Csrf value={csrf} />
        <div class="field">
          <label for={id('status')}>{t.fields.status}</label>
          <select id={id('status')} name="status">
            {ACTION_STATUSES.map((s) => (
              <option value={s} selected={s === values.status}>
                {t.status[s]}
              </option>
            ))}
          </select>
        </div>
        <EditField id={id('owner')} name="owner" label={t.fields.owner} value={values.owner ?? ''} error={errors.owner} />
        <EditField id={id('dueDate')} name="dueDate" label={t.fields.dueDate} value={values.dueDate ?? ''} error={errors.dueDate} type="date" hint={t.fields.dueHint} />
        <div class="buttons">
          <button class="primary" type="submit">
            {t.save}
          </button>
        </div>
      </form>
      <form method="post" action={href(`/app/actions/${a.id}/delete`, lang)}>
        <Csrf value={csrf} />
        <button type="submit">{t.remove}</button>
      </form>
    </details>
  );
}

function NewActionForm({ lang, t, csrf, orgId, assessments, targets, form }: { lang: Lang; t: ActionsText; csrf: string; orgId: string; assessments: Assessment[]; targets: ActionsBoardProps['targets']; form: FormState }) {
  if (!assessments.length) return null;
  const newestFirst = [...assessments].reverse();
  const chosenTarget = form.values.target;
  return (
    <section class="card" id="new-action">
      <h2>{t.createTitle}</h2>
      {form.errors.form ? <p class="field-error">{t.refused}</p> : null}
      <ErrorSummary lang={lang} form={{ ...form, errors: Object.fromEntries(Object.entries(form.errors).filter(([k]) => k !== 'form')) }} />
      <form class="stack" method="post" action={`${href(`/app/organizations/${orgId}/actions`, lang)}#new-action`}>
        <Csrf value={csrf} />
        <SelectField form={form} name="assessmentId" label={t.fields.assessment} options={newestFirst.map((a) => ({ value: a.id, label: a.title }))} />
        <Field form={form} name="title" label={t.fields.title} required maxlength={600} />
        <div class="field">
          <label for="f-target">{t.fields.target}</label>
          <select id="f-target" name="target" aria-invalid={form.errors.target ? 'true' : undefined}>
            {(['dimension', 'section'] as const).map((group) => (
              <optgroup label={t.targetGroups[group]}>
                {targets.filter((x) => x.group === group).map((x) => (
                  <option value={`${group}:${x.value}`} selected={chosenTarget === `${group}:${x.value}`}>
                    {x.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {form.errors.target ? <p class="field-error" id="f-target-err">{form.errors.target}</p> : null}
        </div>
        <Field form={form} name="owner" label={t.fields.owner} required maxlength={400} />
        <Field form={form} name="dueDate" label={t.fields.dueDate} hint={t.fields.dueHint} type="date" required />
        <SelectField form={form} name="status" label={t.fields.status} options={ACTION_STATUSES.map((s) => ({ value: s, label: t.status[s] }))} />
        <div class="buttons">
          <button class="primary" type="submit">
            {t.create}
          </button>
        </div>
      </form>
    </section>
  );
}
