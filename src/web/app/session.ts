import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { Conflict, type DomainError, Forbidden, Invalid, NotFound, Unavailable } from '../../domain/errors.js';
import type { User } from '../../domain/records.js';
import type { Lang } from '../shared/i18n.js';

/**
 * The session cookie (httpOnly, SameSite=Strict, scoped to /app) holds a random value of its own, never the
 * API token: the server keeps its hash in the sessions table, so signing out, rotating or revoking the
 * token ends it there, and every instance sees that (repositories/sessions.ts: 12 h idle, 7 days at most).
 */
export const SESSION_COOKIE = 'mehvar_session';
const CSRF_LABEL = 'mehvar-csrf';
/** The same shape the API accepts in "Authorization: Bearer …". */
const TOKEN_SHAPE = /^\S{16,200}$/;

export interface PagesEnv {
  /** `session` is the cookie's value, the secret that names the session. */
  Variables: { user: User; session: string; csrf: string; lang: Lang };
}

export function plausibleToken(token: string | undefined): token is string {
  return token !== undefined && TOKEN_SHAPE.test(token);
}

/** The CSRF value of every POST form: derived from the session's secret, so a page from another site cannot know it. */
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

/** The page for what a service refused: the same status as the API's answer, in the reader's words. */
export function pageErrorOf(err: DomainError): PageError {
  if (err instanceof NotFound) return notFoundPage();
  if (err instanceof Forbidden) return new PageError(403, err.code === 'readOnly' ? 'readOnly' : 'forbidden');
  if (err instanceof Conflict) return new PageError(409, err.code === 'closed' ? 'closed' : 'error');
  if (err instanceof Invalid) return new PageError(422, err.code === 'incompatible' ? 'incompatible' : 'error');
  if (err instanceof Unavailable) return new PageError(503, err.code === 'noPdf' ? 'noPdf' : 'error', err.retryAfterSeconds);
  return new PageError(500, 'error');
}

/** Only paths inside the dashboard may be returned to after signing in (no open redirect, no way out of /app). */
export function safeNext(next: string | undefined): string | undefined {
  if (!next || !/^\/app(?:[/?]|$)/.test(next)) return undefined;
  return /\/\/|\\|\.\.|%2e/i.test(next) ? undefined : next;
}
