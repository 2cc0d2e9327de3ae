import { NA, type AnswerMap } from '../../domain/answerMaps.js';
import { formatNumber, formatPercent, localeOf, withLang } from '../shared/i18n.js';
import { RespondentPage } from './chrome.js';
import type { FormError } from './form.js';
import { MESSAGES, type Messages } from './messages.js';
import { totalItems, type LocalizedSection, type Visit } from './visit.js';

export interface SectionProps {
  v: Visit;
  /** 1-based section number. */
  n: number;
  /** Answers to show as chosen: the saved draft, or after an error the draft with the posted answers on top. */
  answers: AnswerMap;
  comment: string;
  errors?: FormError[];
}

/** GET /r/:token/s/:n — one section as a plain form that posts without JavaScript. */
export function SectionPage({ v, n, answers, comment, errors = [] }: SectionProps) {
  const t = MESSAGES[v.lang];
  const num = (x: number) => formatNumber(v.lang, x);
  const sections = v.view.sections;
  const section = sections[n - 1];
  const last = n === sections.length;
  const total = totalItems(v);
  const answered = sections.reduce((k, s) => k + s.items.filter((i) => i.id in answers).length, 0);
  const elsewhere = answered - section.items.filter((i) => i.id in answers).length;
  const firstNumber = sections.slice(0, n - 1).reduce((k, s) => k + s.items.length, 1);
  const base = `/r/${encodeURIComponent(v.token)}`;
  const numbers = new Map(section.items.map((item, i) => [item.id, num(firstNumber + i)]));
  const itemErrors = new Map(errors.filter((e) => e.itemId).map((e) => [e.itemId, e.message]));
  const pctTemplate = t.answeredPct('{}');

  return (
    <RespondentPage
      lang={v.lang}
      title={`${section.title} — ${v.assessment.title}`}
      otherLanguageHref={withLang(`${base}/s/${n}`, t.otherLanguage.lang)}
      context={{ organization: v.organization, assessment: v.assessment.title }}
      withScript
      switchSaves={{ form: 'answers', defaultLabel: last ? t.submit : t.next }}
    >
      <div class="progress">
        <p class="progress-text">
          <span>{t.sectionOf(num(n), num(sections.length))}</span>
          <span class="pct" id="answered-pct">
            {pctTemplate.replace('{}', formatPercent(v.lang, total ? answered / total : 0))}
          </span>
        </p>
        <progress id="answered-bar" max={total} value={answered} aria-label={t.answeredLabel} />
      </div>
      <h1>{section.title}</h1>
      {section.description ? <p class="lead">{section.description}</p> : null}
      {errors.length ? <ErrorSummary t={t} errors={errors} numberOf={(id) => numbers.get(id)} /> : null}
      <form
        id="answers"
        method="post"
        action={withLang(`${base}/s/${n}`, v.lang)}
        data-token={v.token}
        data-section={section.id}
        data-total={String(total)}
        data-elsewhere={String(elsewhere)}
        data-locale={localeOf(v.lang)}
        data-pct-template={pctTemplate}
        data-review-template={t.review('{}', num(total))}
        data-saving={t.saving}
        data-saved={t.saved}
        data-failed={t.saveFailed}
      >
        {section.items.map((item) => (
          <Item item={item} number={numbers.get(item.id)!} value={answers[item.id]} dk={v.view.dontKnowLabel} na={v.view.notApplicableLabel} error={itemErrors.get(item.id)} />
        ))}
        <div class="comment card">
          <label for="comment">{t.commentLabel}</label>
          <p class="hint" id="comment-hint">{t.commentHint}</p>
          <textarea id="comment" name="comment" dir="auto" rows={3} maxlength={2000} aria-describedby="comment-hint">
            {comment}
          </textarea>
        </div>
        {last ? <Review v={v} t={t} answers={answers} answered={answered} total={total} /> : null}
        <p id="save-status" class="save-status" role="status" aria-live="polite" />
        <div class="nav">
          {/* Next comes first in the DOM so Enter submits forward; CSS puts it on the reading side (left in fa). */}
          <button type="submit" name="go" value={last ? 'submit' : 'next'} class="primary">
            {last ? t.submit : t.next}
          </button>
          {n > 1 ? (
            <button type="submit" name="go" value="back">
              {t.back}
            </button>
          ) : null}
        </div>
      </form>
    </RespondentPage>
  );
}

type Item = LocalizedSection['items'][number];

function Item({ item, number, value, dk, na, error }: { item: Item; number: string; value: AnswerMap[string] | undefined; dk: string; na: string | null; error?: string }) {
  const name = `a.${item.id}`;
  const id = (suffix: string) => `q-${item.id}-${suffix}`;
  return (
    <fieldset class={error ? 'item has-error' : 'item'} id={`q-${item.id}`} data-item={item.id}>
      <legend>
        <span class="num">{number}.</span>
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
      {/* "Don't know" and "not applicable" are not points of the scale: they sit apart, under it. */}
      <div class="extra">
        <label class="opt dk" for={id('dk')}>
          <input type="radio" id={id('dk')} name={name} value="dk" checked={value === null} />
          <span>{dk}</span>
        </label>
        {na === null ? null : (
          <label class="opt na" for={id('na')}>
            <input type="radio" id={id('na')} name={name} value="na" checked={value === NA} />
            <span>{na}</span>
          </label>
        )}
      </div>
    </fieldset>
  );
}

function ErrorSummary({ t, errors, numberOf }: { t: Messages; errors: FormError[]; numberOf: (itemId: string) => string | undefined }) {
  const label = (e: FormError) => (e.itemId && numberOf(e.itemId) ? `${numberOf(e.itemId)}. ${e.message}` : e.message);
  return (
    <div class="errors" role="alert" id="errors" tabindex={-1} autofocus>
      <h2>{t.errorHeading}</h2>
      <ul>
        {errors.map((e) => (
          <li>{e.itemId && numberOf(e.itemId) ? <a href={`#q-${e.itemId}`}>{label(e)}</a> : e.field === 'comment' ? <a href="#comment">{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  );
}

function Review({ v, t, answers, answered, total }: { v: Visit; t: Messages; answers: AnswerMap; answered: number; total: number }) {
  const num = (x: number) => formatNumber(v.lang, x);
  const open = v.view.sections
    .map((s, i) => ({ s, n: i + 1, missing: s.items.filter((item) => !(item.id in answers)).length }))
    .filter((x) => x.missing > 0 && x.n < v.view.sections.length);
  return (
    <section class="card review" aria-labelledby="review-heading">
      <h2 id="review-heading">{t.reviewHeading}</h2>
      <p id="review-count">{t.review(num(answered), num(total))}</p>
      <p>{t.reviewNote}</p>
      {open.length ? (
        <>
          <p>{t.unansweredIn}</p>
          <ul>
            {open.map((x) => (
              <li>
                {/* A submit button of the page's form: this page's answers are saved before going there. */}
                <button type="submit" name="go" value={`s${x.n}`} class="link">
                  {x.s.title}
                </button>{' '}
                ({t.unansweredCount(num(x.missing))})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
