import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { User } from '../../domain/records.js';
import { Page } from '../shared/layout.js';
import type { Lang } from '../shared/i18n.js';
import { APP_ASSETS } from './assets.js';
import { href } from './format.js';
import { MESSAGES } from './messages.js';
import { BRANDING_TEXT } from './brandingText.js';

export interface Crumb {
  label: string;
  href?: string;
}

export interface AppPageProps {
  lang: Lang;
  title: string;
  /** The same page in the other language. */
  switchHref: string;
  /** The signed-in user and the CSRF value for the sign-out form. */
  session?: { user: User; csrf: string };
  crumbs?: Crumb[];
  /** Chart descriptions for app.js; their presence also loads chart.js. */
  charts?: unknown;
  /** A confirmation of what the last form did (carried by its redirect), shown above the content. */
  flash?: string;
  children?: Child;
}

/**
 * JSON inside <script type="application/json">: the element's text is not HTML-decoded, so it cannot be
 * escaped as HTML; instead every character that could end the element or confuse a parser is written as a
 * JSON \u escape, which JSON.parse reads back unchanged. User text therefore never leaves the string.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A dashboard page: header with the product, the user, the language switch and sign-out; then the content. */
export function AppPage({ lang, title, switchHref, session, crumbs, charts, flash, children }: AppPageProps) {
  const t = MESSAGES[lang];
  const other = t.otherLanguage;
  return (
    <Page lang={lang} title={`${title} · ${t.brand}`} stylesheet={APP_ASSETS.css} script={APP_ASSETS.js}>
      <header class="top">
        <a class="brand" href={href('/app', lang)}>
          {t.brand}
          <small>{t.tagline}</small>
        </a>
        {session ? (
          <span class="who">
            <bdi>{session.user.name}</bdi> ({t.roles[session.user.role] ?? session.user.role})
          </span>
        ) : null}
        {session?.user.role === 'consultant' ? (
          <a class="tool" href={href('/app/branding', lang)}>
            {BRANDING_TEXT[lang].nav}
          </a>
        ) : null}
        <a class="tool" href={switchHref} lang={other.lang} hreflang={other.lang}>
          {other.label}
        </a>
        {session ? (
          <form method="post" action={href('/app/logout', lang)}>
            <input type="hidden" name="csrf" value={session.csrf} />
            <button class="tool" type="submit">
              {t.nav.signOut}
            </button>
          </form>
        ) : null}
      </header>
      <main class="page">
        {crumbs?.length ? (
          <nav class="crumbs" aria-label={lang === 'fa' ? 'مسیر' : 'Breadcrumb'}>
            {crumbs.map((c) =>
              c.href ? (
                <a href={c.href}>
                  <bdi>{c.label}</bdi>
                </a>
              ) : (
                <span aria-current="page">
                  <bdi>{c.label}</bdi>
                </span>
              ),
            )}
          </nav>
        ) : null}
        {flash ? (
          <p class="flash" role="status" id="flash">
            {flash}
          </p>
        ) : null}
        {children}
      </main>
      {charts ? (
        <>
          <script type="application/json" id="chart-data" dangerouslySetInnerHTML={{ __html: jsonForScript(charts) }} />
          <script src={APP_ASSETS.chart} defer />
        </>
      ) : null}
    </Page>
  );
}

/** The current page in the other language; a page shown after a POST switches to the dashboard's start. */
export function switchHrefFor(c: Context, lang: Lang): string {
  const other: Lang = lang === 'fa' ? 'en' : 'fa';
  if (c.req.method !== 'GET') return href('/app', other);
  const url = new URL(c.req.url);
  const params: Record<string, string> = {};
  // The confirmation of a form belongs to the moment it was sent, not to the page in the other language.
  url.searchParams.forEach((v, k) => {
    if (k !== 'lang' && k !== 'done' && k !== 'n') params[k] = v;
  });
  return href(url.pathname, other, params);
}

/** Session props for AppPage from the request (after the auth middleware). */
export function sessionOf(c: Context): { user: User; csrf: string } | undefined {
  const user = c.get('user' as never) as User | undefined;
  const csrf = c.get('csrf' as never) as string | undefined;
  return user && csrf ? { user, csrf } : undefined;
}
