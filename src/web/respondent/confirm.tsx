import { formatNumber, formatPercent, withLang } from '../shared/i18n.js';
import { RespondentPage } from './chrome.js';
import { MESSAGES } from './messages.js';
import { answeredCount, resumeSection, totalItems, type Visit } from './visit.js';

/** Fewer than two-thirds of the questions answered: worth a warning before submitting for good. */
export function tooFew(v: Pick<Visit, 'view' | 'draft'>): boolean {
  return answeredCount(v) * 3 < totalItems(v) * 2;
}

/** GET /r/:token/confirm: how much is answered, what fewer than two-thirds means, then submit or go back. */
export function ConfirmSubmitPage({ v }: { v: Visit }) {
  const t = MESSAGES[v.lang];
  const base = `/r/${encodeURIComponent(v.token)}`;
  const answered = answeredCount(v);
  const total = totalItems(v);
  return (
    <RespondentPage
      lang={v.lang}
      title={t.confirmTitle}
      otherLanguageHref={withLang(`${base}/confirm`, t.otherLanguage.lang)}
      context={{ organization: v.organization, assessment: v.assessment.title }}
    >
      <section class="card review" id="confirm-submit">
        <h1>{t.confirmTitle}</h1>
        <p class="lead">{t.confirmBody(formatNumber(v.lang, answered), formatNumber(v.lang, total), formatPercent(v.lang, total ? answered / total : 0))}</p>
        <p>{t.confirmWhy}</p>
        <form method="post" action={withLang(`${base}/submit`, v.lang)}>
          <input type="hidden" name="confirm" value="1" />
          <div class="nav">
            <a class="button primary" href={withLang(`${base}/s/${resumeSection(v)}`, v.lang)}>
              {t.confirmBack}
            </a>
            <button type="submit">{t.confirmSubmit}</button>
          </div>
        </form>
      </section>
    </RespondentPage>
  );
}
