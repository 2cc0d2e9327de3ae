import type { Assessment, Organization, User } from '../../domain/records.js';
import { maturityLevel } from '../../domain/maturity.js';
import type { PresentedResults } from '../../domain/presentResults.js';
import type { Questionnaire } from '../../questionnaire/schema.js';
import type { Lang } from '../shared/i18n.js';
import { assessmentCrumbs } from './assessment.js';
import { resultsCharts } from './charts.js';
import { AppPage } from './chrome.js';
import { fmtFor, isolate, type Fmt } from './format.js';
import { MESSAGES, REPORT_TEXT, type ReportText } from './messages.js';
import { Breakdowns, PerceptionGap } from './resultsGroups.js';
import { Distributions, Recommendations } from './resultsItems.js';
import { DimensionCard, ScoresTable } from './resultsScores.js';
import { CUSTOMER_TEXT } from './customerText.js';
import { downloadTexts } from './downloads.js';
import { ActionBoardLink, ActionFromRecommendation } from './actionsFromRecommendation.js';

export interface ResultsPageProps {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
  org: Organization;
  assessment: Assessment;
  q: Questionnaire;
  r: PresentedResults;
  /** This assessment's actions made from a recommendation: recommendation id → the action's title. */
  actionsByRecommendation?: ReadonlyMap<string, string>;
}

type Rt = ReportText['results'];

/** The results of one assessment: every figure of presentResults, rounded for display only. */
export function ResultsPage({ lang, switchHref, session, org, assessment: a, q, r, actionsByRecommendation }: ResultsPageProps) {
  const t = REPORT_TEXT[lang].results;
  const f = fmtFor(lang);
  const none = r.respondents.submitted === 0;
  const snap = r.snapshot;
  const withheld = !none && snap !== null && !snap.figuresShown;
  const base = `/app/assessments/${a.id}`;
  const m = MESSAGES[lang].assessment;
  return (
    <AppPage lang={lang} title={t.title(isolate(a.title))} switchHref={switchHref} session={session} crumbs={assessmentCrumbs(lang, org, a, MESSAGES[lang].org.results)} charts={none || withheld ? undefined : resultsCharts(r, lang)}>
      <h1>
        {t.title(isolate(a.title))}
      </h1>
      <p class="lead">
        {r.respondents.invited ? t.respondents(f.count(r.respondents.submitted), f.count(r.respondents.invited)) : t.respondentsOnly(f.count(r.respondents.submitted))}
        {r.respondents.responseRate !== null ? ` · ${t.responseRate(f.percent(r.respondents.responseRate))}` : null}
      </p>
      <ul class="actions" {...downloadTexts(lang)}>
        <li><a class="button" data-download href={`${base}/report.pdf?lang=${lang}`}>{lang === 'fa' ? m.pdfFa : m.pdfEn}</a></li>
        <li><a class="button" data-download href={`${base}/report.docx?lang=${lang}`}>{lang === 'fa' ? m.docxFa : m.docxEn}</a></li>
        <li><a class="button" data-download href={`${base}/export/results.xlsx?lang=${lang}`}>{lang === 'fa' ? m.xlsxFa : m.xlsxEn}</a></li>
        {withheld ? null : (
          <>
            <li><a class="button" href={`${base}/export/responses.csv`}>{m.csvResponses}</a></li>
            <li><a class="button" href={`${base}/export/items.csv`}>{m.csvItems}</a></li>
            <li><a class="button" href={`${base}/comments?lang=${lang}`}>{REPORT_TEXT[lang].comments.crumb}</a></li>
            <li><a class="button" href={`${base}/customers?lang=${lang}`}>{CUSTOMER_TEXT[lang].crumb}</a></li>
            <li><ActionBoardLink lang={lang} orgId={org.id} /></li>
          </>
        )}
      </ul>
      {none ? (
        <p class="card">{t.noResponses}</p>
      ) : withheld ? (
        <div class="card" id="snapshot">
          <p>{t.withheld(f.count(snap.submitted), f.count(snap.k))}</p>
          {snap.nextUpdateAfter !== null ? <p class="muted">{t.nextUpdate(f.count(snap.nextUpdateAfter))}</p> : null}
        </div>
      ) : (
        <>
          <p class="muted small">{t.scaleNote}</p>
          {snap && (snap.pending > 0 || snap.nextUpdateAfter !== null) ? (
            <p class="card small" id="snapshot">
              {snap.nextUpdateAfter === null
                ? t.heldOut(f.count(snap.inFigures), f.count(snap.pending), f.count(snap.k))
                : `${t.standsAt(f.count(snap.inFigures), f.count(snap.pending), snap.pending)} ${t.nextUpdate(f.count(snap.nextUpdateAfter))}`}
            </p>
          ) : null}
          {r.quality.straightLining ? <p class="muted small">{t.flagged(f.count(r.quality.straightLining))}</p> : null}
          <Overall lang={lang} r={r} q={q} t={t} f={f} />
          <section>
            <h2>{t.dimensionsTitle}</h2>
            <div class="grid three">
              {r.dimensions.map((d) => (
                <DimensionCard d={d} t={t} f={f} described={q.maturityLevels.every((m) => m.byDimension)} />
              ))}
            </div>
          </section>
          <section>
            <h2>{t.chartsTitle}</h2>
            <noscript>
              <p class="muted">{t.noscript}</p>
            </noscript>
            <div class="grid two align-start">
              <div class="card">
                <h3>{t.radarTitle}</h3>
                <div class="chart">
                  <canvas data-chart="radar" role="img" aria-label={t.radarAlt} />
                </div>
              </div>
              <div class="card">
                <h3>{t.barsTitle}</h3>
                <div class="chart">
                  <canvas data-chart="scores" role="img" aria-label={t.barsAlt} />
                </div>
              </div>
            </div>
          </section>
          <ScoresTable r={r} t={t} f={f} />
          <Distributions lang={lang} q={q} r={r} />
          <Breakdowns lang={lang} r={r} />
          <PerceptionGap lang={lang} r={r} />
          <Recommendations lang={lang} q={q} r={r} actionForm={session.user.role === 'manager' ? undefined : (id) => <ActionFromRecommendation lang={lang} csrf={session.csrf} assessmentId={a.id} orgId={org.id} recommendationId={id} existing={actionsByRecommendation?.get(id)} />} />
        </>
      )}
    </AppPage>
  );
}

function Overall({ lang, r, q, t, f }: { lang: Lang; r: PresentedResults; q: Questionnaire; t: Rt; f: Fmt }) {
  const level = r.overall.level;
  const capped = level && r.overall.score !== null && maturityLevel(r.overall.score) > level.value;
  return (
    <section class="card overall" id="overall">
      <div>
        <h2>{t.overallTitle}</h2>
        <p class="big">
          {f.score(r.overall.score)}
          <small>{t.outOf}</small>
        </p>
      </div>
      <div>
        {level ? (
          <>
            <p class="level-name">{t.level(f.count(level.value), level.name)}</p>
            <p>{level.description}</p>
            {capped ? <p class="muted small">{t.capped}</p> : null}
          </>
        ) : (
          <p>{t.noOverall}</p>
        )}
        <ol class="ladder" aria-label={lang === 'fa' ? 'نردبان بلوغ' : 'Maturity ladder'}>
          {q.maturityLevels.map((m) => (
            <li class={level?.value === m.level ? 'here' : undefined} aria-current={level?.value === m.level ? 'true' : undefined}>
              {f.count(m.level)}
              <br />
              {m.name[lang]}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
