import { type Context, Hono } from 'hono';
import type { AppDeps } from '../../deps.js';
import { type AnswerMap, checkAnswers } from '../../domain/answerMaps.js';
import { Conflict, DomainError, Invalid, NotFound } from '../../domain/errors.js';
import { bodyLimit } from '../../http/bodyLimit.js';
import { answeredHere, type CustomerAnswerBudget, markAnswered } from '../../routes/customerLimits.js';
import { type CustomerVisit, submitCustomerAnswers, visitCustomerSurvey } from '../../services/customerSurvey.js';
import { langOf, type Lang, withLang } from '../shared/i18n.js';
import { sendPage } from '../shared/layout.js';
import { isCrossOrigin, pageHeaders } from '../shared/security.js';
import { CUSTOMER_MESSAGES } from './messages.js';
import { CustomerNotice, type CustomerNoticeKind } from './notice.js';
import { type SurveyError, SurveyPage } from './survey.js';

type Body = Record<string, string | File | (string | File)[]>;

/** Reads the survey form (`a.<itemId>` = 1..5 or "dk"); only well-formed answers are kept to show again. */
function readSurveyPost(v: CustomerVisit, body: Body, lang: Lang): { answers: AnswerMap; errors: SurveyError[]; trapped: boolean } {
  const raw: Record<string, unknown> = Object.create(null);
  for (const [name, value] of Object.entries(body))
    if (name.startsWith('a.') && typeof value === 'string') raw[name.slice(2)] = value === 'dk' ? null : /^\d{1,3}$/.test(value) ? Number(value) : value;
  const errors: SurveyError[] = checkAnswers(v.questionnaire, raw, 'a').map((e) => ({ itemId: e.path.slice(2), message: CUSTOMER_MESSAGES[lang].offScale }));
  const bad = new Set(errors.map((e) => e.itemId));
  const known = new Set(v.questionnaire.items.map((i) => i.id));
  const answers: AnswerMap = {};
  for (const [id, value] of Object.entries(raw)) if (known.has(id) && !bad.has(id)) answers[id] = value as AnswerMap[string];
  const trap = body.website;
  return { answers, errors: errors.filter((e) => known.has(e.itemId!)), trapped: typeof trap === 'string' && trap.trim() !== '' };
}

/**
 * A customer survey's pages under /c/:token: the survey on one page, Persian first (`?lang=en` for English),
 * a plain form that works without JavaScript, using the same service as the JSON API in src/routes/customer.ts.
 */
export function customerPages(deps: AppDeps, limits: { answers: CustomerAnswerBudget }) {
  const app = new Hono();
  const langFrom = (c: Context): Lang => langOf(c.req.query('lang'));
  const base = (token: string) => `/c/${encodeURIComponent(token)}`;
  const orgName = (v: CustomerVisit, lang: Lang) => (lang === 'en' ? (v.organization.name_en ?? v.organization.name_fa) : v.organization.name_fa);
  const notice = (c: Context, kind: CustomerNoticeKind, status: 200 | 403 | 404 | 409 | 413 | 429 | 500, v?: CustomerVisit, retryAfter?: number) =>
    sendPage(c, <CustomerNotice kind={kind} lang={langFrom(c)} path={v ? base(v.token) : c.req.path} organization={v ? orgName(v, langFrom(c)) : undefined} retryAfter={retryAfter} />, status);

  app.onError((err, c) => {
    if (err instanceof NotFound) return notice(c, 'invalid', 404);
    if (err instanceof Conflict && err.code === 'closed') return notice(c, 'closed', 409);
    if (err instanceof Conflict && err.code === 'submitted') return notice(c, 'used', 409);
    if (!(err instanceof DomainError)) deps.logger.error({ err, path: '/c/…' }, 'customer page failed');
    return notice(c, 'error', 500);
  });
  app.use('/c/*', pageHeaders());
  app.on('POST', '/c/*', async (c, next) => (isCrossOrigin(c, deps.config.publicUrl) ? notice(c, 'forbidden', 403) : next()));
  app.on('POST', '/c/*', bodyLimit({ maxSize: 64 * 1024, onError: (c) => notice(c, 'error', 413) }));

  /** The visit, or the page that replaces the form: closed, used link, or already answered from this browser. */
  async function open(c: Context): Promise<CustomerVisit | Response> {
    const v = await visitCustomerSurvey(deps, c.req.param('token') ?? '');
    if (v.closed) return notice(c, 'closed', 409, v);
    if (v.used) return notice(c, 'used', 409, v);
    if (answeredHere(c, v.survey.id)) return notice(c, 'already', 200, v);
    return v;
  }

  app.get('/c/:token', async (c) => {
    const v = await open(c);
    return v instanceof Response ? v : sendPage(c, <SurveyPage v={v} lang={langFrom(c)} />);
  });

  app.post('/c/:token', async (c) => {
    const v = await open(c);
    if (v instanceof Response) return v;
    const lang = langFrom(c);
    const post = readSurveyPost(v, await c.req.parseBody({ all: true }), lang);
    if (post.errors.length) return sendPage(c, <SurveyPage v={v} lang={lang} answers={post.answers} errors={post.errors} />, 422);
    const wait = limits.answers.exhausted(c, v.survey.id);
    if (wait) {
      c.header('Retry-After', String(wait));
      return notice(c, 'tooMany', 429, v, wait);
    }
    try {
      const { stored } = await submitCustomerAnswers(deps, v, post.answers, { trapped: post.trapped });
      if (stored) limits.answers.count(c, v.survey.id);
    } catch (err) {
      if (err instanceof Invalid && err.code === 'nothingAnswered')
        return sendPage(c, <SurveyPage v={v} lang={lang} errors={[{ message: CUSTOMER_MESSAGES[lang].nothingAnswered }]} />, 422);
      throw err;
    }
    markAnswered(c, v.survey.id, deps.config.publicUrl);
    return c.redirect(withLang(`${base(v.token)}/thanks`, lang), 303);
  });

  app.get('/c/:token/thanks', async (c) => {
    const v = await visitCustomerSurvey(deps, c.req.param('token'));
    return notice(c, 'thanks', 200, v);
  });
  return app;
}
