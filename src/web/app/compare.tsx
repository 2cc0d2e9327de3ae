import type { Assessment, Organization, User } from '../../domain/records.js';
import type { PresentedTrend } from '../../domain/presentTrend.js';
import type { Questionnaire } from '../../questionnaire/schema.js';
import type { Lang } from '../shared/i18n.js';
import { trendCharts } from './charts.js';
import { AppPage } from './chrome.js';
import { ChangesTable, Movers, Transitions } from './compareParts.js';
import { CustomerTrendBlock } from './customerTrend.js';
import { CompareActions } from './actionsCompare.js';
import { fmtFor, href, isolate, type Fmt } from './format.js';
import { MESSAGES, REPORT_TEXT, type ReportText } from './messages.js';
import { orgName } from './organizations.js';
import { MANAGE } from './manageText.js';
import { downloadTexts } from './downloads.js';

type Series = PresentedTrend['overall'];
type Change = Series['changes'][number];
type Ct = ReportText['compare'];

export interface ComparePageProps {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
  org: Organization;
  all: Assessment[];
  tr: PresentedTrend;
  q: Questionnaire | undefined;
}

/** "Process improved by 12.0 points; the change is statistically significant." and its Persian twin. */
export function changeSentence(t: Ct, f: Fmt, name: string, c: Change | undefined): string {
  if (!c || c.delta === null) return t.noScore(name);
  const rounded = Math.round(c.delta * 10) / 10;
  if (rounded === 0) return `${t.same(name)}${c.tested ? (c.significant ? t.significant : t.notSignificant) : t.untested}`;
  const suffix = !c.tested ? t.untested : c.significant ? t.significant : t.notSignificant;
  return `${t.sentence(name, f.score(Math.abs(c.delta)), c.delta > 0)}${suffix}`;
}

export function ComparePage({ lang, switchHref, session, org, all, tr, q }: ComparePageProps) {
  const t = REPORT_TEXT[lang].compare;
  const f = fmtFor(lang);
  const name = orgName(org, lang);
  const enough = tr.assessments.length >= 2;
  const first = tr.assessments[0];
  const last = tr.assessments.at(-1);
  const span = (s: Series) => s.changes.find((c) => c.from === first?.id && c.to === last?.id);
  return (
    <AppPage
      lang={lang}
      title={t.title(isolate(name))}
      switchHref={switchHref}
      session={session}
      crumbs={[{ label: MESSAGES[lang].nav.organizations, href: href('/app', lang) }, { label: name, href: href(`/app/organizations/${org.id}`, lang) }, { label: MESSAGES[lang].org.compareTitle }]}
      charts={enough ? trendCharts(tr, lang) : undefined}
    >
      <h1>
        {t.title(isolate(name))}
      </h1>
      <Chooser lang={lang} org={org} all={all} chosen={new Set(tr.assessments.map((a) => a.id))} />
      {enough ? <TrendPdfLinks lang={lang} orgId={org.id} ids={tr.assessments.map((a) => a.id)} /> : null}
      {!enough ? (
        <p class="card">{t.tooFew}</p>
      ) : (
        <>
          {tr.compatibility.versionsDiffer ? <p class="errors">{t.versionsDiffer(f.count(tr.compatibility.sharedItems), f.count(tr.compatibility.totalItems))}</p> : null}
          <section class="card" id="summary">
            <h2>{t.summaryTitle}</h2>
            <ol class="compared">
              {tr.assessments.map((a) => (
                <li>
                  <bdi>{a.title}</bdi> <span class="muted small">({f.date(a.date)} · {t.respondents(f.count(a.respondents.submitted))})</span>
                </li>
              ))}
            </ol>
            <p>{t.span(isolate(first!.title), isolate(last!.title))}</p>
            <ul class="sentences">
              {[tr.overall, ...tr.dimensions].map((s) => (
                <li data-series={s.id}>{changeSentence(t, f, s.kind === 'overall' ? t.overall : s.name, span(s))}</li>
              ))}
            </ul>
          </section>
          <section>
            <h2>{t.chartsTitle}</h2>
            <div class="grid three">
              {tr.dimensions.map((d) => (
                <div class="card">
                  <h3>{d.name}</h3>
                  <div class="chart">
                    <canvas data-chart={`trend-${d.id}`} role="img" aria-label={t.chartAlt(d.name)} />
                  </div>
                </div>
              ))}
            </div>
          </section>
          <ChangesTable t={t} f={f} tr={tr} />
          <Transitions lang={lang} t={t} f={f} tr={tr} q={q} />
          <Movers t={t} f={f} tr={tr} />
          <CustomerTrendBlock lang={lang} tr={tr} />
          <CompareActions lang={lang} tr={tr} />
        </>
      )}
    </AppPage>
  );
}

function Chooser({ lang, org, all, chosen }: { lang: Lang; org: Organization; all: Assessment[]; chosen: Set<string> }) {
  const t = REPORT_TEXT[lang].compare;
  const f = fmtFor(lang);
  return (
    <details class="card" open={chosen.size < 2}>
      <summary>{t.chooseTitle}</summary>
      <form method="get" action={`/app/organizations/${org.id}/compare`} class="stack">
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <p class="hint">{t.chooseHint}</p>
        {all.map((a) => (
          <label>
            <input type="checkbox" name="assessments" value={a.id} checked={chosen.has(a.id)} /> <bdi>{a.title}</bdi>{' '}
            <span class="muted small">({f.date(a.closed_at ?? a.created_at)})</span>
          </label>
        ))}
        <div class="buttons">
          <button type="submit">{t.choose}</button>
        </div>
      </form>
    </details>
  );
}

/** The same comparison as a PDF report, in either language, for the assessments on the page. */
function TrendPdfLinks({ lang, orgId, ids }: { lang: Lang; orgId: string; ids: string[] }) {
  const t = MANAGE[lang].compare;
  const url = (l: Lang) => `/app/organizations/${orgId}/trend/report.pdf?lang=${l}&assessments=${ids.join(',')}`;
  return (
    <ul class="actions" id="trend-pdf" {...downloadTexts(lang)}>
      <li><a class="button primary" data-download href={url('fa')}>{t.pdfFa}</a></li>
      <li><a class="button" data-download href={url('en')}>{t.pdfEn}</a></li>
    </ul>
  );
}
