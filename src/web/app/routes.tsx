import { Hono, type Context } from 'hono';
import { bodyLimit } from '../../http/bodyLimit.js';
import type { AppDeps } from '../../deps.js';
import { DomainError } from '../../domain/errors.js';
import { FailureBudget, RateLimiter } from '../../http/rateLimit.js';
import { sessionUser, signIn, signOut } from '../../services/sessions.js';
import { langOf } from '../shared/i18n.js';
import { sendPage } from '../shared/layout.js';
import { isCrossOrigin, pageHeaders } from '../shared/security.js';
import { assessmentRoutes } from './assessmentRoutes.js';
import { appAssets } from './assets.js';
import { sessionOf, switchHrefFor } from './chrome.js';
import { href } from './format.js';
import { LoginPage, NoticePage, noticeAsProblem } from './notice.js';
import { organizationRoutes } from './orgRoutes.js';
import { assessmentManageRoutes } from './assessmentManageRoutes.js';
import { departmentRoutes } from './departmentRoutes.js';
import { IMPORT_PAGE, toolRoutes } from './toolRoutes.js';
import { commentRoutes } from './commentRoutes.js';
import { brandingRoutes } from './brandingRoutes.js';
import { customerRoutes } from './customerRoutes.js';
import { actionRoutes } from './actionsRoutes.js';
import { reportRoutes, type ReportOptions } from './reportRoutes.js';
import {
  csrfFor,
  csrfMatches,
  endSession,
  notFoundPage,
  PageError,
  pageErrorOf,
  plausibleToken,
  safeNext,
  sessionToken,
  startSession,
  type PagesEnv,
} from './session.js';

export type ConsultantOptions = ReportOptions & {
  /** The app's per-address failure budget, shared with the API; a budget of its own when not given. */
  failures?: FailureBudget;
};

/**
 * The consultant dashboard under /app: server-rendered pages that work without JavaScript, signed in with the
 * API token (kept in an httpOnly, SameSite=Strict cookie), a CSRF value on every form, and the same
 * services (src/services/), validation and audit entries as the JSON API. Mount with `app.route('/', …)`.
 */
export function consultantPages(deps: AppDeps, opts: ConsultantOptions = {}) {
  const { config, logger } = deps;
  const app = new Hono<PagesEnv>();
  // Failed sign-ins and unknown session cookies per client address, like failed API tokens.
  const failures = opts.failures ?? new FailureBudget(new RateLimiter(config.rateLimitFailuresPerIp, 60_000));
  /** A failed credential: refused once the address is over its budget, else counted. Valid ones never get here. */
  const failed = (c: Context<PagesEnv>) => {
    const wait = failures.exhausted(c);
    if (wait) throw new PageError(429, 'tooMany', wait);
    failures.fail(c);
  };

  const notice = (c: Context<PagesEnv>, err: PageError) => {
    if (err.retryAfter) c.header('Retry-After', String(err.retryAfter));
    const forProgram = noticeAsProblem(c, err);
    if (forProgram) return forProgram;
    const lang = c.get('lang') ?? langOf(c.req.query('lang'));
    return sendPage(c, <NoticePage lang={lang} kind={err.kind} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)} retryAfter={err.retryAfter} />, err.status);
  };

  app.onError((err, c) => {
    if (err instanceof PageError) return notice(c, err);
    if (err instanceof DomainError) return notice(c, pageErrorOf(err));
    logger.error({ err, path: c.req.path }, 'dashboard page failed');
    return notice(c, new PageError(500, 'error'));
  });

  app.route('/', appAssets());
  app.use('/app/*', async (c, next) => {
    c.set('lang', langOf(c.req.query('lang')));
    await next();
  });
  const headers = pageHeaders();
  app.use('/app/*', (c, next) => (c.req.path.startsWith('/app/assets/') ? next() : headers(c, next)));
  app.on('POST', '/app/*', async (c, next) => {
    if (isCrossOrigin(c, config.publicUrl)) throw new PageError(403, 'forbidden');
    await next();
  });
  // A paper import posts a file: it may be as large as the API's imports, every other form is small.
  const formLimit = bodyLimit({ maxSize: config.maxBodyBytes, onError: (c) => notice(c as Context<PagesEnv>, new PageError(413, 'tooLarge')) });
  const fileLimit = bodyLimit({ maxSize: config.maxImportBytes, onError: (c) => notice(c as Context<PagesEnv>, new PageError(413, 'tooLarge')) });
  app.on('POST', '/app/*', (c, next) => (IMPORT_PAGE.test(c.req.path) ? fileLimit(c, next) : formLimit(c, next)));

  app.get('/app/login', (c) => {
    const lang = c.get('lang');
    return sendPage(c, <LoginPage lang={lang} switchHref={switchHrefFor(c, lang)} signedOut={c.req.query('out') === '1'} next={safeNext(c.req.query('next'))} />);
  });

  app.post('/app/login', async (c) => {
    const lang = c.get('lang');
    const body = await c.req.parseBody();
    const token = typeof body.token === 'string' ? body.token.trim() : '';
    const next = safeNext(typeof body.next === 'string' ? body.next : undefined);
    const secret = plausibleToken(token) ? await signIn(deps, token) : undefined;
    if (!secret) {
      failed(c);
      return sendPage(c, <LoginPage lang={lang} switchHref={switchHrefFor(c, lang)} failed next={next} />, 401);
    }
    startSession(c, secret, config.publicUrl);
    return c.redirect(next ?? href('/app', lang), 303);
  });

  // Everything else needs a valid session; every POST also its CSRF value.
  app.use('/app/*', async (c, next) => {
    if (c.req.path.startsWith('/app/assets/') || c.req.path === '/app/login') return next();
    const lang = c.get('lang');
    const session = sessionToken(c);
    const user = plausibleToken(session) ? await sessionUser(deps, session) : undefined;
    if (!user || !session) {
      // A cookie that names no live session is expired, signed out, revoked or a guess: forget it, and
      // count it like a failed sign-in.
      if (session !== undefined) {
        endSession(c, config.publicUrl);
        failed(c);
      }
      const url = new URL(c.req.url);
      const back = c.req.method === 'GET' ? url.pathname + url.search : undefined;
      return c.redirect(href('/app/login', lang, { next: back === '/app' ? undefined : back }), 303);
    }
    c.set('user', user);
    c.set('session', session);
    c.set('csrf', csrfFor(session));
    if (c.req.method === 'POST' && !csrfMatches(session, (await c.req.parseBody()).csrf)) throw new PageError(403, 'forbidden');
    await next();
  });

  app.post('/app/logout', async (c) => {
    await signOut(deps, c.get('session'));
    endSession(c, config.publicUrl);
    return c.redirect(href('/app/login', c.get('lang'), { out: '1' }), 303);
  });

  app.route('/', organizationRoutes(deps));
  app.route('/', assessmentRoutes(deps));
  app.route('/', assessmentManageRoutes(deps));
  app.route('/', departmentRoutes(deps));
  app.route('/', toolRoutes(deps));
  app.route('/', reportRoutes(deps, opts));
  app.route('/', commentRoutes(deps));
  app.route('/', brandingRoutes(deps));
  app.route('/', customerRoutes(deps));
  app.route('/', actionRoutes(deps));
  app.all('/app/*', () => {
    throw notFoundPage();
  });
  return app;
}
