import type { Lang } from '../shared/i18n.js';
import { withLang } from '../shared/i18n.js';
import { RespondentPage } from './chrome.js';
import { MESSAGES, type Messages } from './messages.js';
import type { Visit } from './visit.js';

export type NoticeKind = 'thanks' | 'already' | 'closed' | 'invalid' | 'noPage' | 'forbidden' | 'error';

const TEXT: Record<NoticeKind, (t: Messages) => [title: string, body: string]> = {
  thanks: (t) => [t.thanksTitle, t.thanks],
  already: (t) => [t.alreadyTitle, t.already],
  closed: (t) => [t.closedTitle, t.closed],
  invalid: (t) => [t.invalidTitle, t.invalid],
  noPage: (t) => [t.noPageTitle, t.noPage],
  forbidden: (t) => [t.forbiddenTitle, t.forbidden],
  error: (t) => [t.errorTitle, t.error],
};

export interface NoticeProps {
  kind: NoticeKind;
  lang: Lang;
  /** The path of this page without the language, for the language switch. */
  path: string;
  v?: Visit;
}

/** One-message pages: thank you, already submitted, closed, invalid link, refused, failed. */
export function NoticePage({ kind, lang, path, v }: NoticeProps) {
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
      <div class={good ? 'card notice' : 'card notice bad'}>
        <p class="mark" aria-hidden="true">
          {good ? '✓' : '!'}
        </p>
        <h1>{title}</h1>
        <p>{body}</p>
        {good ? <p class="lead">{t.closeHint}</p> : null}
        {kind === 'noPage' && v ? <a href={withLang(`/r/${encodeURIComponent(v.token)}`, lang)}>{t.backToStart}</a> : null}
      </div>
    </RespondentPage>
  );
}
