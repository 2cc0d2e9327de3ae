import type { Refuse } from '../../http/rateLimit.js';
import { formatNumber, type Lang, langOf, withLang } from '../shared/i18n.js';
import { RespondentPage } from '../respondent/chrome.js';
import { NoticeCard, refusalPage } from '../respondent/notice.js';
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
      <NoticeCard good={good} title={title} body={body} retry={retryAfter ? t.retryIn(formatNumber(lang, retryAfter)) : undefined} />
    </RespondentPage>
  );
}

/** A limit's refusal on /c/…: a page in the customer's language, or problem+json for a program asking for JSON. */
export const tooManyForCustomer: Refuse = refusalPage((c, retryAfter) => <CustomerNotice kind="tooMany" lang={langOf(c.req.query('lang'))} path={c.req.path} retryAfter={retryAfter} />);
