import type { AnswerMap } from '../../domain/answerMaps.js';
import { localizeQuestionnaire } from '../../questionnaire/localize.js';
import type { CustomerVisit } from '../../services/customerSurvey.js';
import { formatNumber, type Lang, withLang } from '../shared/i18n.js';
import { RespondentPage } from '../respondent/chrome.js';
import { CUSTOMER_MESSAGES } from './messages.js';

export interface SurveyError {
  itemId?: string;
  message: string;
}

/** GET /c/:token — the whole survey on one short page, a plain form that posts without JavaScript. */
export function SurveyPage({ v, lang, answers = {}, errors = [] }: { v: CustomerVisit; lang: Lang; answers?: AnswerMap; errors?: SurveyError[] }) {
  const t = CUSTOMER_MESSAGES[lang];
  const view = localizeQuestionnaire(v.questionnaire, lang);
  const num = (x: number) => formatNumber(lang, x);
  const base = `/c/${encodeURIComponent(v.token)}`;
  const organization = lang === 'en' ? (v.organization.name_en ?? v.organization.name_fa) : v.organization.name_fa;
  const itemErrors = new Map(errors.filter((e) => e.itemId).map((e) => [e.itemId, e.message]));
  let n = 0;
  return (
    <RespondentPage lang={lang} title={`${view.title} — ${organization}`} otherLanguageHref={withLang(base, t.otherLanguage.lang)} context={{ organization, assessment: view.title }}>
      <h1>{view.title}</h1>
      <p class="lead">{t.intro(num(v.questionnaire.items.length), num(view.estimatedMinutes))}</p>
      {errors.length ? (
        <div class="errors" role="alert" id="errors" tabindex={-1} autofocus>
          <h2>{t.errorHeading}</h2>
          <ul>
            {errors.map((e) => (
              <li>{e.itemId ? <a href={`#q-${e.itemId}`}>{e.message}</a> : e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={withLang(base, lang)}>
        {view.sections.flatMap((s) =>
          s.items.map((item) => {
            n++;
            const name = `a.${item.id}`;
            const id = (suffix: string) => `q-${item.id}-${suffix}`;
            const value = answers[item.id];
            const error = itemErrors.get(item.id);
            return (
              <fieldset class={error ? 'item has-error' : 'item'} id={`q-${item.id}`}>
                <legend>
                  <span class="num">{num(n)}.</span>
                  {item.text}
                </legend>
                {error ? <p class="field-error">{error}</p> : null}
                <div class="scale">
                  {item.scale.map((o) => (
                    <label class="opt" for={id(String(o.value))}>
                      <input type="radio" id={id(String(o.value))} name={name} value={String(o.value)} checked={value === o.value} />
                      <span>{o.label}</span>
                    </label>
                  ))}
                </div>
                <div class="extra">
                  <label class="opt dk" for={id('dk')}>
                    <input type="radio" id={id('dk')} name={name} value="dk" checked={value === null} />
                    <span>{view.dontKnowLabel}</span>
                  </label>
                </div>
              </fieldset>
            );
          }),
        )}
        {/* The honeypot: hidden from people (and from screen readers); a bot filling every field fills it. */}
        <p hidden aria-hidden="true">
          <label for="website">{t.trapLabel}</label>
          <input type="text" id="website" name="website" tabindex={-1} autocomplete="off" value="" />
        </p>
        <p class="hint">{t.anonymity}</p>
        <div class="nav">
          <button type="submit" class="primary">
            {t.send}
          </button>
        </div>
      </form>
    </RespondentPage>
  );
}
