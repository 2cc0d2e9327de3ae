import type { PresentedCustomerView } from '../../domain/customerViewPresent.js';
import type { Assessment, Organization, User } from '../../domain/records.js';
import type { SurveyStatus } from '../../services/customerSurvey.js';
import type { Lang } from '../shared/i18n.js';
import { assessmentCrumbs } from './assessment.js';
import { AppPage } from './chrome.js';
import { CUSTOMER_TEXT } from './customerText.js';
import { Csrf, emptyForm, type FormState } from './fields.js';
import { JalaliDateField } from './jalaliField.js';
import { fmtFor, href, isolate } from './format.js';

// The report's primary and accent colours (src/reports/pdf/palette.ts), so the bars look like the PDF's.
const STAFF = '#2f5d8a';
const CUSTOMERS = '#c7793b';

export interface CustomerPageProps {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
  org: Organization;
  assessment: Assessment;
  status: SurveyStatus | null;
  view: PresentedCustomerView | null;
  /** The assessment takes no more answers (nor does its survey). */
  closed: boolean;
  /** Single-use links just made: shown this once. */
  made?: string[];
  countError?: string;
  /** The closing-date form as posted, when it was refused. */
  closesForm?: FormState;
  now: Date;
}

/** The customer survey of an assessment: its link and QR code, single-use links, and the customers' view. */
export function CustomerPage({ lang, switchHref, session, org, assessment: a, status, view, closed, made, countError, closesForm, now }: CustomerPageProps) {
  const t = CUSTOMER_TEXT[lang];
  const f = fmtFor(lang);
  const base = `/app/assessments/${a.id}/customers`;
  const writer = session.user.role !== 'manager';
  return (
    <AppPage lang={lang} title={t.title(isolate(a.title))} switchHref={switchHref} session={session} crumbs={assessmentCrumbs(lang, org, a, t.crumb)}>
      <h1>{t.title(isolate(a.title))}</h1>
      <p class="muted small">{t.intro}</p>
      {!status ? (
        <section class="card" id="customer-survey-none">
          <p>{closed ? t.closedNote : t.none}</p>
          {writer && !closed ? (
            <form method="post" action={href(base, lang)}>
              <Csrf value={session.csrf} />
              <button type="submit" class="button primary" name="do" value="open">{t.open}</button>
            </form>
          ) : null}
        </section>
      ) : (
        <>
          <section class="card" id="customer-survey">
            <p><strong>{t.state(status.open)}</strong> · {t.submitted(f.count(status.submitted))}</p>
            {status.survey.closes_at ? <p id="customer-closes">{t.closesOn(f.date(status.survey.closes_at))}</p> : null}
            <p class="muted small">{t.link}</p>
            {/* In a read-only box: a long URL neither overflows a phone's width nor breaks mid-copy. */}
            <p><input id="customer-link-text" class="ltr" dir="ltr" readonly value={status.url} size={28} aria-label={t.link} /></p>
            <p><a id="customer-link" href={status.url}>{t.openLink}</a></p>
            <h2>{t.qr}</h2>
            <p><img id="customer-qr" src={`${base}/qr.png`} width="200" height="200" alt={t.qrAlt} /></p>
            <p><a class="button" href={`${base}/qr.png?download=1`} download="customer-survey-qr.png">{t.qrDownload}</a></p>
          </section>
          {writer && status.open ? (
            <section class="card" id="customer-closing">
              <form method="post" action={href(base, lang)}>
                <Csrf value={session.csrf} />
                <JalaliDateField lang={lang} form={closesForm ?? emptyForm()} name="closesOn" label={t.closesLabel} hint={t.closesHint} now={now} />
                <button type="submit" class="button" name="do" value="closes">{t.closesSave}</button>
              </form>
            </section>
          ) : null}
          <section class="card" id="customer-single-use">
            <h2>{t.singleUse}</h2>
            <p class="muted small">{t.singleUseSummary(f.count(status.singleUse.total), f.count(status.singleUse.used))}</p>
            {made?.length ? (
              <>
                <p class="errors" role="note">{t.singleUseMade}</p>
                <textarea readonly rows={Math.min(12, made.length + 1)} dir="ltr" id="single-use-links">{made.join('\n')}</textarea>
              </>
            ) : null}
            {writer && status.open ? (
              <form method="post" action={href(base, lang)}>
                <Csrf value={session.csrf} />
                <label for="f-count">{t.singleUseCount}</label>{' '}
                <input id="f-count" name="count" inputmode="numeric" size={5} aria-invalid={countError ? 'true' : undefined} />{' '}
                <button type="submit" class="button" name="do" value="singleUse">{t.singleUseMake}</button>
                {countError ? <p class="errors" id="f-count-err">{countError}</p> : null}
              </form>
            ) : null}
          </section>
          {view ? <CustomerView lang={lang} view={view} /> : null}
        </>
      )}
    </AppPage>
  );
}

/** Staff against customers per factor, largest gap first, with a pair of bars each; nothing below k customers. */
function CustomerView({ lang, view }: { lang: Lang; view: PresentedCustomerView }) {
  const t = CUSTOMER_TEXT[lang];
  const f = fmtFor(lang);
  if (!view.snapshot.figuresShown)
    return (
      <section class="card" id="customer-view">
        <h2>{t.viewTitle}</h2>
        <p id="customer-view-withheld">{t.notShown(f.count(view.respondents.submitted), f.count(view.snapshot.k))}</p>
      </section>
    );
  const byId = new Map(view.factors.map((x) => [x.id, x]));
  const order = [...view.ranked, ...view.factors.map((x) => x.id).filter((id) => !view.ranked.includes(id))];
  return (
    <section class="card" id="customer-view">
      <h2>{t.viewTitle}</h2>
      {view.staffShown ? null : <p class="muted">{t.staffNotShown}</p>}
      <p class="small">
        <svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill={STAFF} /></svg> {t.columns.staff}{'  '}
        <svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill={CUSTOMERS} /></svg> {t.columns.customers}
      </p>
      <div class="table-wrap">
        <table class="customer-gaps">
          <thead>
            <tr>
              <th scope="col">{t.columns.factor}</th>
              <th scope="col">{t.columns.bars}</th>
              <th scope="col" class="num">{t.columns.staff}</th>
              <th scope="col" class="num">{t.columns.customers}</th>
              <th scope="col" class="num">{t.columns.gap}</th>
              <th scope="col">{t.columns.significant}</th>
            </tr>
          </thead>
          <tbody>
            {order.map((id) => {
              const x = byId.get(id)!;
              return (
                <tr data-factor={x.id}>
                  <th scope="row">{x.name}</th>
                  <td><Bars lang={lang} staff={x.staff?.score ?? null} customers={x.customers?.score ?? null} /></td>
                  <td class="num">{f.score(x.staff?.score)}</td>
                  <td class="num">{f.score(x.customers?.score)}</td>
                  <td class="num">{f.signed(x.gap)}</td>
                  <td>{x.significant === null ? '—' : x.significant ? t.yes : t.no}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="muted small">{t.gapMeaning}</p>
      {view.recommendations.length ? (
        <>
          <h3>{t.recommendations}</h3>
          <ol>
            {view.recommendations.map((r) => (
              <li>
                <strong>{byId.get(r.factor)!.name}</strong> ({f.signed(r.gap)}): {r.text}
                <br />
                <small class="muted">{t.source}: {r.source.title} — <bdi>{r.source.quote}</bdi></small>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

/** Two bars on a 0–100 scale, drawn as SVG (no script, no inline style); in Persian they grow from the right. */
function Bars({ lang, staff, customers }: { lang: Lang; staff: number | null; customers: number | null }) {
  const x = (v: number) => (lang === 'fa' ? 100 - v : 0);
  return (
    <svg width="160" height="22" viewBox="0 0 100 22" preserveAspectRatio="none" aria-hidden="true">
      <rect x="0" y="0" width="100" height="22" fill="#f3f5f8" />
      {staff === null ? null : <rect x={String(x(staff))} y="2" width={String(staff)} height="8" fill={STAFF} />}
      {customers === null ? null : <rect x={String(x(customers))} y="12" width={String(customers)} height="8" fill={CUSTOMERS} />}
    </svg>
  );
}
