import { formatNumber, withLang } from '../shared/i18n.js';
import { RespondentPage } from './chrome.js';
import { MESSAGES } from './messages.js';
import { answeredCount, resumeSection, totalItems, type Visit } from './visit.js';

/** GET /r/:token — who is asking, why, how long it takes, the anonymity promise, and Start or Resume. */
export function WelcomePage({ v }: { v: Visit }) {
  const t = MESSAGES[v.lang];
  const n = (x: number) => formatNumber(v.lang, x);
  const answered = answeredCount(v);
  const total = totalItems(v);
  const base = `/r/${encodeURIComponent(v.token)}`;
  return (
    <RespondentPage
      lang={v.lang}
      title={`${v.assessment.title} — ${v.organization}`}
      otherLanguageHref={withLang(base, t.otherLanguage.lang)}
    >
      <div class="card">
        <p class="lead">
          <bdi>{v.organization}</bdi>
        </p>
        <h1>
          <bdi>{v.assessment.title}</bdi>
        </h1>
        <p class="lead">{v.view.title}</p>
        <h2>{t.purposeHeading}</h2>
        <p>{v.view.description}</p>
        <ul class="facts">
          <li>{t.effort(n(total), n(v.view.sections.length), n(v.view.estimatedMinutes))}</li>
          <li>{t.anonymity(n(v.assessment.anonymity_threshold))}</li>
          {answered > 0 ? <li>{t.answeredSoFar(n(answered), n(total))}</li> : null}
        </ul>
        <a class="button primary" href={withLang(`${base}/s/${resumeSection(v)}`, v.lang)}>
          {answered > 0 ? t.resume : t.start}
        </a>
      </div>
    </RespondentPage>
  );
}
