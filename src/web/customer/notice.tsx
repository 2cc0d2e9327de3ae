import type { Context } from 'hono';
import { prefersJson } from '../../http/negotiate.js';
import { type Refuse, refuseAsProblem } from '../../http/rateLimit.js';
import { formatNumber, type Lang, langOf, withLang } from '../shared/i18n.js';
import { sendPage } from '../shared/layout.js';
import { setPageHeaders } from '../shared/security.js';
import { RespondentPage } from '../respondent/chrome.js';
import { CUSTOMER_MESSAGES, type CustomerMessages } from './messages.js';

export type CustomerNoticeKind = 'thanks' | 'already' | 'closed' | 'invalid' | 'used' | 'forbidden' | 'error' | 'tooMany';

const TEXT: Record<CustomerNoticeKind, (t: CustomerMessages) => [title: string, body: string]> = {
  thanks: (t) => [t.thanksTitle, t.thanks],
  already: (t) => [t.alreadyTitle, t.already],
  closed: (t) => [t.closedTitle, t.closed],
  invalid: (t) => [t.invalidTitle, t.invalid],
  used: (t) => [t.usedTitle, t.used],
  forbidden: (t) => [t.forbiddenTitle, t.forbidden],
  error: (t) => [t.errorTitle, t.error],
  tooMany: (t) => [t.tooManyTitle, t.tooMany],
};

/** One-message pages for customers: thank you, already answered, closed, invalid or used link, refused. */
export function CustomerNotice({ kind, lang, path, organization, retryAfter }: { kind: CustomerNoticeKind; lang: Lang; path: string; organization?: string; retryAfter?: number }) {
  const t = CUSTOMER_MESSAGES[lang];
  const [title, body] = TEXT[kind](t);
  const good = kind === 'thanks' || kind === 'already';
  return (
    <RespondentPage lang={lang} title={title} otherLanguageHref={withLang(path, t.otherLanguage.lang)} context={organization ? { organization, assessment: '' } : undefined}>
      <div class={good ? 'card notice' : 'card notice bad'}>
        <p class="mark" aria-hidden="true">
          {good ? '✓' : '!'}
        </p>
        <h1>{title}</h1>
        <p>{body}</p>
        {retryAfter ? <p>{t.retryIn(formatNumber(lang, retryAfter))}</p> : null}
      </div>
    </RespondentPage>
  );
}

/** A limit's refusal on /c/…: a page in the customer's language, or problem+json for a program asking for JSON. */
export const tooManyForCustomer: Refuse = async (c: Context, retryAfter: number) => {
  if (prefersJson(c.req.header('accept'))) return refuseAsProblem(c, retryAfter);
  c.header('Retry-After', String(retryAfter));
  const res = await sendPage(c, <CustomerNotice kind="tooMany" lang={langOf(c.req.query('lang'))} path={c.req.path} retryAfter={retryAfter} />, 429);
  setPageHeaders(res.headers);
  return res;
};
