import type { Assessment, Organization, User } from '../../domain/records.js';
import type { Lang } from '../shared/i18n.js';
import { AppPage } from './chrome.js';
import { Csrf, ErrorSummary, Facts, Field, type FormState } from './fields.js';
import { fmtFor, href } from './format.js';
import { MESSAGES } from './messages.js';
import { AssessmentForm, CompareForm } from './orgForms.js';
import { ActionBoardLink } from './actionsFromRecommendation.js';
import { AdminLinks, OrganizationActions } from './manageLinks.js';

export type Participation = { invited: number; submitted: number; inProgress: number };

export const orgName = (o: Pick<Organization, 'name_fa' | 'name_en'>, lang: Lang) => (lang === 'en' && o.name_en ? o.name_en : o.name_fa);

interface Common {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
}

const canWrite = (user: User) => user.role !== 'manager';

export function OrganizationsPage({ lang, switchHref, session, orgs, form, flash }: Common & { orgs: Array<{ org: Organization; assessments: number }>; form: FormState; flash?: string }) {
  const t = MESSAGES[lang];
  const f = fmtFor(lang);
  return (
    <AppPage lang={lang} title={t.orgs.title} switchHref={switchHref} session={session} flash={flash}>
      <h1>{t.orgs.title}</h1>
      {session.user.role === 'admin' ? <AdminLinks lang={lang} /> : null}
      {orgs.length ? (
        <ul class="list">
          {orgs.map(({ org, assessments }) => (
            <li>
              <h3>
                <a href={href(`/app/organizations/${org.id}`, lang)}>
                  <bdi>{orgName(org, lang)}</bdi>
                </a>
              </h3>
              <p class="meta">
                {org.sector ? <bdi>{org.sector}</bdi> : null}
                <span>{t.orgs.assessments(f.count(assessments))}</span>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="lead">{session.user.role === 'manager' ? t.orgs.emptyManager : t.orgs.empty}</p>
      )}
      {canWrite(session.user) ? <OrganizationForm lang={lang} csrf={session.csrf} form={form} /> : null}
    </AppPage>
  );
}

function OrganizationForm({ lang, csrf, form }: { lang: Lang; csrf: string; form: FormState }) {
  const t = MESSAGES[lang].orgs;
  return (
    <section class="card" id="new-organization">
      <h2>{t.createTitle}</h2>
      <ErrorSummary lang={lang} form={form} />
      <form class="stack" method="post" action={`${href('/app/organizations', lang)}#new-organization`}>
        <Csrf value={csrf} />
        <Field form={form} name="nameFa" label={t.nameFa} required maxlength={600} dir="rtl" />
        <Field form={form} name="nameEn" label={`${t.nameEn} ${MESSAGES[lang].form.optional}`} maxlength={600} dir="ltr" />
        <Field form={form} name="sector" label={`${t.sector} ${MESSAGES[lang].form.optional}`} maxlength={400} />
        <Field form={form} name="headcount" label={`${t.headcount} ${MESSAGES[lang].form.optional}`} hint={t.headcountHint} type="number" />
        <div class="buttons">
          <button class="primary" type="submit">
            {t.create}
          </button>
        </div>
      </form>
    </section>
  );
}

export interface AssessmentRow {
  a: Assessment;
  p: Participation;
  closed: boolean;
}

export interface OrganizationPageProps extends Common {
  org: Organization;
  rows: AssessmentRow[];
  questionnaires: Array<{ value: string; label: string }>;
  form: FormState;
  now: Date;
  flash?: string;
}

export function OrganizationPage({ lang, switchHref, session, org, rows, questionnaires, form, now, flash }: OrganizationPageProps) {
  const t = MESSAGES[lang];
  const f = fmtFor(lang);
  const name = orgName(org, lang);
  return (
    <AppPage lang={lang} title={name} switchHref={switchHref} session={session} crumbs={[{ label: t.nav.organizations, href: href('/app', lang) }, { label: name }]} flash={flash}>
      <h1>
        <bdi>{name}</bdi>
      </h1>
      <Facts
        rows={[
          org.sector ? [t.org.facts.sector, <bdi>{org.sector}</bdi>] : null,
          org.headcount !== null ? [t.org.facts.headcount, f.count(org.headcount)] : null,
          [t.org.facts.created, f.date(org.created_at)],
        ]}
      />
      <p>
        <ActionBoardLink lang={lang} orgId={org.id} />
      </p>
      <OrganizationActions lang={lang} orgId={org.id} writer={canWrite(session.user)} />
      <section>
        <h2>{t.org.assessmentsTitle}</h2>
        {rows.length ? (
          <ul class="list">
            {rows.map((row, i) => (
              <AssessmentItem lang={lang} row={row} previous={rows[i - 1]?.a} />
            ))}
          </ul>
        ) : (
          <p class="lead">{t.org.none}</p>
        )}
      </section>
      {rows.length > 1 ? <CompareForm lang={lang} org={org} rows={rows} /> : null}
      {canWrite(session.user) ? (
        <AssessmentForm lang={lang} csrf={session.csrf} orgId={org.id} questionnaires={questionnaires} form={form} now={now} />
      ) : (
        <p class="muted">{t.org.readOnly}</p>
      )}
    </AppPage>
  );
}

function AssessmentItem({ lang, row, previous }: { lang: Lang; row: AssessmentRow; previous?: Assessment }) {
  const t = MESSAGES[lang].org;
  const f = fmtFor(lang);
  const { a, p, closed } = row;
  const rate = p.invited ? p.submitted / p.invited : null;
  return (
    <li data-assessment={a.id}>
      <h3>
        <a href={href(`/app/assessments/${a.id}`, lang)}>
          <bdi>{a.title}</bdi>
        </a>
      </h3>
      <p class="meta">
        <span class={closed ? 'badge closed' : 'badge open'}>{closed ? t.closed : t.open}</span>
        <span>{t.startedOn(f.date(a.created_at))}</span>
        {a.closed_at ? <span>{t.closedOn(f.date(a.closed_at))}</span> : a.closes_at ? <span>{t.closesOn(f.date(a.closes_at))}</span> : null}
        <span>{t.version(a.questionnaire_id, f.count(a.questionnaire_version))}</span>
      </p>
      {p.invited ? (
        <div class="rate">
          <p>
            <span class="submitted">{t.submittedOf(f.count(p.submitted), f.count(p.invited))}</span>
            <span class="pct">{f.percent(rate)}</span>
          </p>
          <progress value={p.submitted} max={p.invited} aria-label={t.responseRate}>
            {f.percent(rate)}
          </progress>
          {p.inProgress ? <p class="small muted">{t.inProgress(f.count(p.inProgress))}</p> : null}
        </div>
      ) : (
        <p class="small muted">{t.noInvitations}</p>
      )}
      <ul class="actions">
        <li>
          <a class="button primary" href={href(`/app/assessments/${a.id}/results`, lang)}>
            {t.results}
          </a>
        </li>
        <li>
          <a class="button" href={href(`/app/assessments/${a.id}`, lang)}>
            {t.manage}
          </a>
        </li>
        {previous ? (
          <li>
            <a class="button" href={href(`/app/organizations/${a.organization_id}/compare`, lang, { assessments: `${previous.id},${a.id}` })}>
              {t.compareWithPrevious}
            </a>
          </li>
        ) : null}
      </ul>
    </li>
  );
}
