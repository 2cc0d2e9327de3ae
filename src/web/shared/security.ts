import type { Context, MiddlewareHandler } from 'hono';

export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

/**
 * Headers for HTML pages whose URL holds a credential (the invitation token): a strict CSP, no caching of
 * answers, and a referrer that never leaves the site (same-origin, so our own form posts still carry Origin).
 */
export function pageHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    setPageHeaders(c.res.headers);
  };
}

/** The same headers, for a page answered before the page routes run (a rate limit's refusal). */
export function setPageHeaders(headers: Headers): void {
  headers.set('Content-Security-Policy', PAGE_CSP);
  headers.set('Referrer-Policy', 'same-origin');
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Cache-Control', 'no-store');
}

/**
 * True when a state-changing request visibly comes from another site. A missing Origin is allowed (old
 * clients, curl); "null" is allowed only when the browser vouches for it with Sec-Fetch-Site: same-origin,
 * which is what a page under Referrer-Policy: no-referrer sends for its own form posts.
 */
export function isCrossOrigin(c: Context, publicUrl: string): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return false;
  if (origin === 'null') return c.req.header('sec-fetch-site') !== 'same-origin';
  const allowed = new Set([new URL(c.req.url).origin, safeOrigin(publicUrl)]);
  if (allowed.has(origin)) return false;
  // Behind a TLS-terminating proxy the request URL says http:// while the browser says https://.
  const host = c.req.header('host');
  return !(host && safeHost(origin) === host);
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
