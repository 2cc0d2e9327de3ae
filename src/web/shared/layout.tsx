import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { dirOf, type Lang } from './i18n.js';

export interface PageProps {
  lang: Lang;
  title: string;
  /** Stylesheet URL (same origin; the CSP forbids inline styles). */
  stylesheet: string;
  /** Optional script URL, loaded with defer; the page must work without it. */
  script?: string;
  children?: Child;
}

/** The HTML document around every page: language and direction on <html>, no inline script or style. */
export function Page({ lang, title, stylesheet, script, children }: PageProps) {
  return (
    <html lang={lang} dir={dirOf(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <meta name="robots" content="noindex" />
        {/* No favicon request (it would 404); the CSP allows data: images. */}
        <link rel="icon" href="data:," />
        <title>{title}</title>
        <link rel="stylesheet" href={stylesheet} />
        {script ? <script src={script} defer /> : null}
      </head>
      <body>{children}</body>
    </html>
  );
}

/** Sends a JSX page with its doctype. */
export async function sendPage(c: Context, node: Child, status: ContentfulStatusCode = 200): Promise<Response> {
  const body = await (node as { toString(): string | Promise<string> }).toString();
  return c.html(`<!doctype html>${body}`, status);
}
