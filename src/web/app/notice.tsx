import type { Context } from 'hono';
import type { User } from '../../domain/records.js';
import { problem } from '../../httpErrors.js';
import { prefersJson } from '../../http/negotiate.js';
import type { Lang } from '../shared/i18n.js';
import { formatNumber } from '../shared/i18n.js';
import { AppPage } from './chrome.js';
import { href } from './format.js';
import { MESSAGES } from './messages.js';
import type { PageError, PageErrorKind } from './session.js';

export interface LoginProps {
  lang: Lang;
  switchHref: string;
  failed?: boolean;
  signedOut?: boolean;
  next?: string;
}

/** Sign-in with the API token: a password-type field (not echoed, not autofilled as a username). */
export function LoginPage({ lang, switchHref, failed, signedOut, next }: LoginProps) {
  const t = MESSAGES[lang];
  return (
    <AppPage lang={lang} title={t.login.title} switchHref={switchHref}>
      <div class="card login">
        <h1>{t.login.title}</h1>
        <p class="lead">{t.login.intro}</p>
        {signedOut ? <p class="flash">{t.login.signedOut}</p> : null}
        {failed ? (
          <div class="errors" role="alert">
            <h2>{t.login.failed}</h2>
          </div>
        ) : null}
        <form class="stack" method="post" action={href('/app/login', lang)}>
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <div class="field">
            <label for="f-token">{t.login.tokenLabel}</label>
            <p class="hint" id="f-token-hint">
              {t.login.tokenHint}
            </p>
            <input
              type="password"
              id="f-token"
              name="token"
              required
              dir="ltr"
              autocomplete="current-password"
              spellcheck={false}
              aria-describedby="f-token-hint"
              aria-invalid={failed ? 'true' : undefined}
            />
          </div>
          <div class="buttons">
            <button class="primary" type="submit">
              {t.login.submit}
            </button>
          </div>
        </form>
      </div>
    </AppPage>
  );
}

export interface NoticeProps {
  lang: Lang;
  kind: PageErrorKind;
  switchHref: string;
  session?: { user: User; csrf: string };
  retryAfter?: number;
}

/** One-message pages: not found, refused, read-only, too many attempts, no PDF, not comparable, failed. */
export function NoticePage({ lang, kind, switchHref, session, retryAfter }: NoticeProps) {
  const t = MESSAGES[lang];
  const [title, body] = t.notice[kind] ?? t.notice.error;
  return <Notice lang={lang} title={title} body={body} switchHref={switchHref} session={session} retryAfter={retryAfter} />;
}

/** The card every notice page shows: a title, what happened, when to try again, and the way back. */
function Notice({ lang, title, body, switchHref, session, retryAfter }: { lang: Lang; title: string; body: string; switchHref: string; session?: { user: User; csrf: string }; retryAfter?: number }) {
  const t = MESSAGES[lang];
  return (
    <AppPage lang={lang} title={title} switchHref={switchHref} session={session}>
      <div class="card notice">
        <p class="mark" aria-hidden="true">
          !
        </p>
        <h1>{title}</h1>
        <p>{body}</p>
        {retryAfter ? <p>{t.retryIn(formatNumber(lang, retryAfter))}</p> : null}
        <p>{session ? <a href={href('/app', lang)}>{t.backHome}</a> : <a href={href('/app/login', lang)}>{t.toLogin}</a>}</p>
      </div>
    </AppPage>
  );
}

/**
 * A page error for a program rather than a person: problem+json when the request's Accept ranks JSON above
 * HTML (see prefersJson), else undefined and the caller renders the page. The detail is the page's English text.
 */
export function noticeAsProblem(c: Context, err: PageError): Response | undefined {
  if (!prefersJson(c.req.header('accept'))) return undefined;
  const t = MESSAGES.en;
  const [, body] = t.notice[err.kind] ?? t.notice.error;
  const detail = err.retryAfter ? `${body} ${t.retryIn(String(err.retryAfter))}` : body;
  return problem(c, err.status, detail, undefined, 'about:blank', err.retryAfter ? { 'retry-after': String(err.retryAfter) } : {});
}

// Not among MESSAGES' notices: this page belongs to the report queue (src/reports/worker/renderQueue.ts).
const REPORTS_BUSY: Record<Lang, [title: string, body: string]> = {
  fa: [
    'سرور سرگرم ساختن گزارش‌های دیگر است',
    'هم‌اکنون گزارش‌های زیادی در نوبت ساخته‌شدن‌اند و این گزارش بیش از اندازه منتظر می‌ماند؛ برای همین ساخته نشد. کمی بعد دوباره تلاش کنید. نتایج را همین حالا در صفحه‌ی نتایج می‌بینید.',
  ],
  en: [
    'Reports are busy',
    'Many reports are being made right now and this one would have waited too long, so it was not started. Please try again shortly; the results page shows the figures now.',
  ],
};

export interface ReportsBusyProps {
  lang: Lang;
  switchHref: string;
  session?: { user: User; csrf: string };
  retryAfter: number;
}

/** The PDF link answered when the report queue refused the report: what happened and when to try again. */
export function ReportsBusyPage({ lang, switchHref, session, retryAfter }: ReportsBusyProps) {
  const [title, body] = REPORTS_BUSY[lang];
  return <Notice lang={lang} title={title} body={body} switchHref={switchHref} session={session} retryAfter={retryAfter} />;
}
