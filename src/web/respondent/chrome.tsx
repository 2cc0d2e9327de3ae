import type { Child } from 'hono/jsx';
import { Page } from '../shared/layout.js';
import type { Lang } from '../shared/i18n.js';
import { ASSETS } from './assets.js';
import { MESSAGES } from './messages.js';

export interface ChromeProps {
  lang: Lang;
  title: string;
  /** The same page in the other language. */
  otherLanguageHref: string;
  /** Organization and assessment, when the link is valid. */
  context?: { organization: string; assessment: string };
  withScript?: boolean;
  children?: Child;
}

/** A respondent page: header with the organization and a language switch, then the content. */
export function RespondentPage({ lang, title, otherLanguageHref, context, withScript, children }: ChromeProps) {
  const other = MESSAGES[lang].otherLanguage;
  return (
    <Page lang={lang} title={title} stylesheet={ASSETS.css} script={withScript ? ASSETS.js : undefined}>
      <header class="top">
        <p class="context">
          {context ? (
            <>
              {/* <bdi>: a Persian name on an English page keeps its own direction, the line keeps the page's. */}
              <bdi class="org">{context.organization}</bdi>
              <bdi class="assessment">{context.assessment}</bdi>
            </>
          ) : (
            <span class="org">{lang === 'fa' ? 'محور' : 'Mehvar'}</span>
          )}
        </p>
        <a class="lang-switch" href={otherLanguageHref} lang={other.lang} hreflang={other.lang}>
          {other.label}
        </a>
      </header>
      <main class="page">{children}</main>
    </Page>
  );
}
