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
  /**
   * On a page of questions: the form whose answers the language switch saves first. The switch is then a
   * submit button of that form (outside it, through the form attribute), so answers not yet saved are not
   * lost without JavaScript either.
   */
  switchSaves?: { form: string; defaultLabel: string };
  children?: Child;
}

/** A respondent page: header with the organization and a language switch, then the content. */
export function RespondentPage({ lang, title, otherLanguageHref, context, withScript, switchSaves, children }: ChromeProps) {
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
        {switchSaves ? (
          <>
            {/* First in the page, so Enter in the form still goes forward, not to the other language. */}
            <button type="submit" form={switchSaves.form} name="go" value="enter" class="sr-only" tabindex={-1} aria-hidden="true">
              {switchSaves.defaultLabel}
            </button>
            <button type="submit" form={switchSaves.form} name="go" value="lang" class="lang-switch" lang={other.lang}>
              {other.label}
            </button>
          </>
        ) : (
          <a class="lang-switch" href={otherLanguageHref} lang={other.lang} hreflang={other.lang}>
            {other.label}
          </a>
        )}
      </header>
      <main class="page">{children}</main>
    </Page>
  );
}
