import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { User } from '../../db/tables.js';
import type { Lang } from '../shared/i18n.js';

/**
 * The session is the consultant's own API token in an httpOnly, SameSite=Strict cookie scoped to /app:
 * nothing is stored server-side, so it works across instances and ends when the token is revoked.
 */
export const SESSION_COOKIE = 'mehvar_session';
const CSRF_LABEL = 'mehvar-csrf';
/** The same shape the API accepts in "Authorization: Bearer …". */
const TOKEN_SHAPE = /^\S{16,200}$/;

export interface PagesEnv {
  Variables: { user: User; token: string; csrf: string; lang: Lang };
}

export function plausibleToken(token: string | undefined): token is string {
  return token !== undefined && TOKEN_SHAPE.test(token);
}

/** The CSRF value of every POST form: derived from the token, so a page from another site cannot know it. */
export function csrfFor(token: string): string {
  return createHmac('sha256', token).update(CSRF_LABEL).digest('base64url');
}

export function csrfMatches(token: string, sent: unknown): boolean {
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(csrfFor(token));
  const given = Buffer.from(sent);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Behind a TLS-terminating proxy the request says http://, so the proxy's header and PUBLIC_URL count too. */
function isHttps(c: Context, publicUrl: string): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (process.env.TRUST_PROXY === '1' && c.req.header('x-forwarded-proto') === 'https') return true;
  return publicUrl.startsWith('https://');
}

const cookieOptions = (c: Context, publicUrl: string) => ({
  path: '/app',
  httpOnly: true,
  sameSite: 'Strict' as const,
  ...(isHttps(c, publicUrl) && { secure: true }),
});

export function startSession(c: Context, token: string, publicUrl: string): void {
  setCookie(c, SESSION_COOKIE, token, cookieOptions(c, publicUrl));
}

export function endSession(c: Context, publicUrl: string): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(c, publicUrl));
}

export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

export type PageErrorKind = 'notFound' | 'forbidden' | 'readOnly' | 'tooMany' | 'noPdf' | 'incompatible' | 'closed' | 'tooLarge' | 'error';

/** Handlers throw this; the one error handler turns it into a page in the reader's language. */
export class PageError extends Error {
  constructor(
    readonly status: 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503,
    readonly kind: PageErrorKind,
    readonly retryAfter?: number,
  ) {
    super(kind);
  }
}

export const notFoundPage = () => new PageError(404, 'notFound');

/** Managers read; consultants and admins also write. */
export function requireWriter(user: User): void {
  if (user.role === 'manager') throw new PageError(403, 'readOnly');
}

/** Only paths inside the dashboard may be returned to after signing in (no open redirect, no way out of /app). */
export function safeNext(next: string | undefined): string | undefined {
  if (!next || !/^\/app(?:[/?]|$)/.test(next)) return undefined;
  return /\/\/|\\|\.\.|%2e/i.test(next) ? undefined : next;
}
