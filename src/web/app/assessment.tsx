import type { Assessment, Organization, User } from '../../domain/records.js';
import type { Lang } from '../shared/i18n.js';
import { AppPage, type Crumb } from './chrome.js';
import { Csrf, emptyForm, ErrorSummary, Facts, Field, SelectField, type FormState } from './fields.js';
import { fmtFor, href } from './format.js';
import type { NewLink } from './linksCsv.js';
import { MESSAGES } from './messages.js';
import { AssessmentActions } from './manageLinks.js';
import { ReopenForm } from './managePages.js';
import { MANAGE } from './manageText.js';
import { DepartmentProgressCard } from './progress.js';
import { CampaignPanel, type CampaignView } from './campaignPanel.js';
import type { DepartmentProgress } from '../../services/invitations.js';
import { orgName, type Participation } from './organizations.js';
import { CUSTOMER_TEXT } from './customerText.js';
import { downloadTexts } from './downloads.js';

interface Common {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
  org: Organization;
  assessment: Assessment;
}

export const assessmentCrumbs = (lang: Lang, org: Organization, a: Assessment, here?: string): Crumb[] => [
  { label: MESSAGES[lang].nav.organizations, href: href('/app', lang) },
  { label: orgName(org, lang), href: href(`/app/organizations/${org.id}`, lang) },
  here ? { label: a.title, href: href(`/app/assessments/${a.id}`, lang) } : { label: a.title },
  ...(here ? [{ label: here }] : []),
];

export interface AssessmentPageProps extends Common {
  closed: boolean;
  /** What closing now would leave out of the final figures (services/assessments.ts closingPreview). */
  closing?: { leftOut: number; moreToInclude: number };
  participation: Participation & { notStarted: number };
  form: FormState;
  /** The organization's department list, which the links form picks from. */
  departments: string[];
  progress: DepartmentProgress[];
  now: Date;
  reopenForm?: FormState;
  flash?: string;
  /** The email campaign card (campaignPanel.tsx). */
  campaign?: CampaignView;
}

export function AssessmentPage({ lang, switchHref, session, org, assessment: a, closed, closing, participation: p, form, departments, progress, now, reopenForm, flash, campaign }: AssessmentPageProps) {
  const t = MESSAGES[lang];
  const f = fmtFor(lang);
  const writer = session.user.role !== 'manager';
  const targets = [a.target_culture, a.target_process, a.target_interaction];
  const dims = lang === 'fa' ? ['فرهنگ', 'فرایند', 'تعامل'] : ['Culture', 'Process', 'Interaction'];
  const targetText = targets.some((x) => x !== null)
    ? targets.map((x, i) => `${dims[i]} ${x === null ? t.dash : f.score(x)}`).join(lang === 'fa' ? '، ' : ', ')
    : t.assessment.noTargets;
  const status = closed
    ? a.closed_at ? t.org.closedOn(f.date(a.closed_at)) : t.org.closedOn(f.date(a.closes_at))
    : a.closes_at ? `${t.org.open} — ${t.org.closesOn(f.date(a.closes_at))}` : t.org.open;
  const rate = p.invited ? p.submitted / p.invited : null;
  const base = `/app/assessments/${a.id}`;
  return (
    <AppPage lang={lang} title={a.title} switchHref={switchHref} session={session} crumbs={assessmentCrumbs(lang, org, a)} flash={flash}>
      <h1>
        <bdi>{a.title}</bdi>
      </h1>
      <Facts
        rows={[
          [t.assessment.facts.status, <span class={closed ? 'badge closed' : 'badge open'}>{status}</span>],
          [t.assessment.facts.questionnaire, <span class="ltr">{`${a.questionnaire_id} v${a.questionnaire_version}`}</span>],
          [t.assessment.facts.threshold, f.count(a.anonymity_threshold)],
          [t.assessment.facts.targets, targetText],
          [t.assessment.facts.created, f.date(a.created_at)],
        ]}
      />
      <AssessmentActions lang={lang} id={a.id} writer={writer} closed={closed} />
      <div class="grid two">
        <section class="card">
          <h2>{t.assessment.participation}</h2>
          <div class="rate">
            <p>
              <span class="submitted">{t.org.submittedOf(f.count(p.submitted), f.count(p.invited))}</span>
              <span class="pct">{f.percent(rate)}</span>
            </p>
            <progress value={p.submitted} max={Math.max(1, p.invited)} aria-label={t.org.responseRate}>
              {f.percent(rate)}
            </progress>
          </div>
          <div class="table-wrap">
            <table class="counts">
              <tbody>
                {(['invited', 'notStarted', 'inProgress', 'submitted'] as const).map((k) => (
                  <tr>
                    <th scope="row">{t.assessment.counts[k]}</th>
                    <td class="num" data-count={k}>
                      {f.count(p[k])}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section class="card">
          <h2>{t.assessment.reports}</h2>
          <ul class="actions" {...downloadTexts(lang)}>
            <li><a class={lang === 'fa' ? 'button primary' : 'button'} href={`${base}/results`}>{t.assessment.resultsFa}</a></li>
            <li><a class={lang === 'en' ? 'button primary' : 'button'} href={`${base}/results?lang=en`}>{t.assessment.resultsEn}</a></li>
            <li><a class="button" data-download href={`${base}/report.pdf?lang=fa`}>{t.assessment.pdfFa}</a></li>
            <li><a class="button" data-download href={`${base}/report.pdf?lang=en`}>{t.assessment.pdfEn}</a></li>
            <li><a class="button" href={`${base}/export/responses.csv`}>{t.assessment.csvResponses}</a></li>
            <li><a class="button" href={`${base}/export/items.csv`}>{t.assessment.csvItems}</a></li>
            <li><a class="button" data-download href={`${base}/report.docx?lang=fa`}>{t.assessment.docxFa}</a></li>
            <li><a class="button" data-download href={`${base}/report.docx?lang=en`}>{t.assessment.docxEn}</a></li>
            <li><a class="button" data-download href={`${base}/export/results.xlsx?lang=fa`}>{t.assessment.xlsxFa}</a></li>
            <li><a class="button" data-download href={`${base}/export/results.xlsx?lang=en`}>{t.assessment.xlsxEn}</a></li>
            <li><a class="button" href={href(`/app/organizations/${org.id}/compare`, lang)}>{t.assessment.compare}</a></li>
            <li><a class="button" href={href(`${base}/customers`, lang)}>{CUSTOMER_TEXT[lang].crumb}</a></li>
          </ul>
        </section>
      </div>
      <DepartmentProgressCard lang={lang} rows={progress} k={a.anonymity_threshold} />
      {campaign ? <CampaignPanel lang={lang} csrf={session.csrf} assessmentId={a.id} writer={writer} closed={closed} closesAt={a.closes_at} campaign={campaign} /> : null}
      {writer ? closed ? <p class="card muted">{t.assessment.closedNoLinks}</p> : <InvitationForm lang={lang} csrf={session.csrf} id={a.id} orgId={org.id} form={form} departments={departments} /> : null}
      {writer && closed ? <ReopenForm lang={lang} csrf={session.csrf} id={a.id} form={reopenForm ?? emptyForm()} now={now} /> : null}
      {writer && !closed ? (
        <section class="card">
          <h2>{t.assessment.closeTitle}</h2>
          <p class="hint">{t.assessment.closeHint}</p>
          {closing?.leftOut ? (
            <p class="errors" id="close-leaves-out">
              {t.assessment.closeLeavesOut(f.count(closing.leftOut), closing.leftOut, f.count(closing.moreToInclude))}
            </p>
          ) : null}
          {/* A page of its own says what closing does before the button that posts it (works without JS). */}
          <a class="button danger" href={href(`${base}/close`, lang)}>
            {MANAGE[lang].close.open}
          </a>
        </section>
      ) : null}
    </AppPage>
  );
}

function InvitationForm({ lang, csrf, id, orgId, form, departments }: { lang: Lang; csrf: string; id: string; orgId: string; form: FormState; departments: string[] }) {
  const t = MESSAGES[lang].assessment;
  const d = MANAGE[lang].departments;
  return (
    <section class="card" id="invitations">
      <h2>{t.generateTitle}</h2>
      <p class="hint">{t.generateHint}</p>
      <ErrorSummary lang={lang} form={form} />
      <form class="stack" method="post" action={`${href(`/app/assessments/${id}/invitations`, lang)}#invitations`}>
        <Csrf value={csrf} />
        <SelectField form={form} name="role" label={t.role} options={[{ value: 'staff', label: t.inviteRoles.staff }, { value: 'manager', label: t.inviteRoles.manager }]} />
        <SelectField form={form} name="department" label={t.department} hint={t.departmentHint} options={[{ value: '', label: d.noDepartment }, ...departments.map((x) => ({ value: x, label: x }))]} />
        <p class="hint">
          <a href={href(`/app/organizations/${orgId}/departments`, lang)}>{d.pickHint}</a>
        </p>
        <Field form={form} name="count" label={t.count} hint={t.countHint} type="number" required />
        <div class="buttons">
          <button class="primary" type="submit" name="format" value="html">
            {t.generate}
          </button>
          <button type="submit" name="format" value="csv">
            {t.generateCsv}
          </button>
        </div>
      </form>
    </section>
  );
}

export function LinksPage({ lang, switchHref, session, org, assessment: a, links, csvHref, csvName, title, note }: Common & { links: NewLink[]; csvHref: string; csvName: string; title?: string; note?: string }) {
  const t = MESSAGES[lang].assessment;
  const f = fmtFor(lang);
  const heading = title ?? t.linksTitle(f.count(links.length));
  return (
    <AppPage lang={lang} title={heading} switchHref={switchHref} session={session} crumbs={assessmentCrumbs(lang, org, a, t.generateTitle)}>
      <h1>{heading}</h1>
      <p class="errors" role="note">
        {note ?? t.linksOnce}
      </p>
      <div class="buttons">
        <a class="button primary" href={csvHref} download={csvName} id="links-csv">
          {t.downloadCsv}
        </a>
        <button type="button" data-copy="all-links" data-done={t.copied} hidden>
          {t.copy}
        </button>
        <a class="button" href={href(`/app/assessments/${a.id}`, lang)}>
          {t.backToAssessment}
        </a>
      </div>
      <div class="field card">
        <label for="all-links">{t.allLinks}</label>
        <textarea id="all-links" class="all-links" readonly rows={Math.min(12, links.length + 1)} dir="ltr">
          {links.map((l) => l.url).join('\n')}
        </textarea>
      </div>
      <div class="table-wrap card">
        <table class="links">
          <thead>
            <tr>
              <th class="num">{t.columns.n}</th>
              <th>{t.columns.role}</th>
              <th>{t.columns.department}</th>
              <th>{t.columns.url}</th>
            </tr>
          </thead>
          <tbody>
            {links.map((l, i) => (
              <tr>
                <td class="num">{f.count(i + 1)}</td>
                <td>{t.inviteRoles[l.role]}</td>
                <td>{l.department ? <bdi>{l.department}</bdi> : MESSAGES[lang].dash}</td>
                <td class="url" dir="ltr">
                  <a href={l.url}>{l.url}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AppPage>
  );
}
