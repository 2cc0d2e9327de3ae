import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { Conflict, type DomainError, NotFound } from '../../domain/errors.js';
import { prefersJson } from '../../http/negotiate.js';
import { type Refuse, refuseAsProblem } from '../../http/rateLimit.js';
import type { Lang } from '../shared/i18n.js';
import { formatNumber, langOf, withLang } from '../shared/i18n.js';
import { sendPage } from '../shared/layout.js';
import { setPageHeaders } from '../shared/security.js';
import { RespondentPage } from './chrome.js';
import { MESSAGES, type Messages } from './messages.js';
import type { Visit } from './visit.js';

export type NoticeKind = 'thanks' | 'already' | 'closed' | 'invalid' | 'noPage' | 'forbidden' | 'error' | 'tooMany';

const TEXT: Record<NoticeKind, (t: Messages) => [title: string, body: string]> = {
  thanks: (t) => [t.thanksTitle, t.thanks],
  already: (t) => [t.alreadyTitle, t.already],
  closed: (t) => [t.closedTitle, t.closed],
  invalid: (t) => [t.invalidTitle, t.invalid],
  noPage: (t) => [t.noPageTitle, t.noPage],
  forbidden: (t) => [t.forbiddenTitle, t.forbidden],
  error: (t) => [t.errorTitle, t.error],
  tooMany: (t) => [t.tooManyTitle, t.tooMany],
};

/** The page for what a service refused: an unknown link, a closed assessment; undefined for anything a page should have prevented. */
export function noticeOf(err: DomainError): { kind: NoticeKind; status: 404 | 409 } | undefined {
  if (err instanceof NotFound) return { kind: 'invalid', status: 404 };
  if (err instanceof Conflict && err.code === 'closed') return { kind: 'closed', status: 409 };
  return undefined;
}

export interface NoticeProps {
  kind: NoticeKind;
  lang: Lang;
  /** The path of this page without the language, for the language switch. */
  path: string;
  v?: Visit;
  /** Seconds until a refused request may be tried again. */
  retryAfter?: number;
}

/** One-message pages: thank you, already submitted, closed, invalid link, refused, failed. */
export function NoticePage({ kind, lang, path, v, retryAfter }: NoticeProps) {
  const t = MESSAGES[lang];
  const [title, body] = TEXT[kind](t);
  const good = kind === 'thanks' || kind === 'already';
  return (
    <RespondentPage
      lang={lang}
      title={title}
      otherLanguageHref={withLang(path, t.otherLanguage.lang)}
      context={v ? { organization: v.organization, assessment: v.assessment.title } : undefined}
    >
      <NoticeCard good={good} title={title} body={body} retry={retryAfter ? t.retryIn(formatNumber(lang, retryAfter)) : undefined}>
        {good ? <p class="lead">{t.closeHint}</p> : null}
        {kind === 'noPage' && v ? <a href={withLang(`/r/${encodeURIComponent(v.token)}`, lang)}>{t.backToStart}</a> : null}
      </NoticeCard>
    </RespondentPage>
  );
}

/**
 * A rate limit's refusal on /r/…: the respondent's browser gets a page in their language saying when to
 * try again; a program that asks for JSON gets problem+json. It runs before the page routes, so it sets
 * their headers itself.
 */
export const tooManyForRespondent: Refuse = refusalPage((c, retryAfter) => <NoticePage kind="tooMany" lang={langOf(c.req.query('lang'))} path={c.req.path} retryAfter={retryAfter} />);

/**
 * The card of a one-message page, for respondents and customers alike: a mark, the title, the message and
 * when to try again; what a page adds goes below.
 */
export function NoticeCard({ good, title, body, retry, children }: { good: boolean; title: string; body: string; retry?: string; children?: Child }) {
  return (
    <div class={good ? 'card notice' : 'card notice bad'}>
      <p class="mark" aria-hidden="true">
        {good ? '✓' : '!'}
      </p>
      <h1>{title}</h1>
      <p>{body}</p>
      {retry ? <p>{retry}</p> : null}
      {children}
    </div>
  );
}

/**
 * A limit's refusal on a page route (/r/…, /c/…): people get `page` with 429 and Retry-After; a program
 * that asks for JSON gets problem+json. It runs before the page routes, so it sets their headers itself.
 */
export function refusalPage(page: (c: Context, retryAfter: number) => Child): Refuse {
  return async (c, retryAfter) => {
    if (prefersJson(c.req.header('accept'))) return refuseAsProblem(c, retryAfter);
    c.header('Retry-After', String(retryAfter));
    const res = await sendPage(c, page(c, retryAfter), 429);
    setPageHeaders(res.headers);
    return res;
  };
}
