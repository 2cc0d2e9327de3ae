import { Hono, type Context } from 'hono';
import { bodyLimit } from '../../http/bodyLimit.js';
import type { AppDeps } from '../../deps.js';
import { Conflict, DomainError, Invalid } from '../../domain/errors.js';
import { saveAnswers, submitAnswers } from '../../services/respondents.js';
import { langOf, withLang, type Lang } from '../shared/i18n.js';
import { sendPage } from '../shared/layout.js';
import { isCrossOrigin, pageHeaders } from '../shared/security.js';
import { respondentAssets } from './assets.js';
import { readSectionPost, storedComment, type FormError } from './form.js';
import { MESSAGES } from './messages.js';
import { NoticePage, type NoticeKind, noticeOf } from './notice.js';
import { SectionPage } from './section.js';
import { ConfirmSubmitPage, tooFew } from './confirm.js';
import { answeredCount, loadVisit, sectionNumber, type Visit } from './visit.js';
import { WelcomePage } from './welcome.js';

/**
 * The respondent's HTML pages under /r/:token (plus their assets): plain forms that work without
 * JavaScript, using the same services and checks as the JSON API in src/routes/respond.ts.
 */
export function respondentPages(deps: AppDeps) {
  const { logger } = deps;
  const app = new Hono();
  const langFrom = (c: Context): Lang => langOf(c.req.query('lang'));
  const base = (token: string) => `/r/${encodeURIComponent(token)}`;
  const notice = (c: Context, kind: NoticeKind, status: 200 | 403 | 404 | 409 | 413 | 500, path: string, v?: Visit) =>
    sendPage(c, <NoticePage kind={kind} lang={langFrom(c)} path={path} v={v} />, status);
  const redirect = (c: Context, path: string) => c.redirect(withLang(path, langFrom(c)), 303);

  app.onError((err, c) => {
    const refused = err instanceof DomainError ? noticeOf(err) : undefined;
    if (refused) return notice(c, refused.kind, refused.status, c.req.path);
    logger.error({ err, path: c.req.path }, 'respondent page failed');
    return notice(c, 'error', 500, c.req.path);
  });
  app.route('/', respondentAssets());
  app.use('/r/*', pageHeaders());
  app.on('POST', '/r/*', async (c, next) => (isCrossOrigin(c, deps.config.publicUrl) ? notice(c, 'forbidden', 403, c.req.path) : next()));
  app.on(
    'POST',
    '/r/*',
    bodyLimit({ maxSize: Math.max(deps.config.maxBodyBytes, 64 * 1024), onError: (c) => notice(c, 'error', 413, c.req.path) }),
  );

  /**
   * The visit, or what replaces it: the invalid-link page, the closed page, and for a submitted invitation
   * the "already submitted" page (GET) or a redirect to the thank-you page (POST).
   */
  async function open(c: Context): Promise<Visit | Response> {
    const token = c.req.param('token') ?? '';
    const v = await loadVisit(deps, token, langFrom(c));
    if (!v) return notice(c, 'invalid', 404, c.req.path);
    if (v.invitation.status === 'submitted')
      return c.req.method === 'POST' ? redirect(c, `${base(token)}/done`) : notice(c, 'already', 200, base(token), v);
    if (v.closed) return notice(c, 'closed', 409, c.req.path, v);
    return v;
  }

  function showSection(c: Context, v: Visit, n: number, errors: FormError[] = [], posted?: { answers: Visit['draft']['answers']; comment?: string }) {
    const section = v.view.sections[n - 1];
    const answers = { ...v.draft.answers, ...posted?.answers };
    const comment = posted?.comment ?? v.draft.comments[section.id] ?? '';
    return sendPage(c, <SectionPage v={v} n={n} answers={answers} comment={comment} errors={errors} />, errors.length ? 422 : 200);
  }

  /** Submits the saved draft (idempotent); an empty draft goes back to the last section with a message. */
  async function finish(c: Context, v: Visit): Promise<Response> {
    try {
      await submitAnswers(deps, v);
    } catch (err) {
      if (err instanceof Invalid && err.code === 'nothingAnswered')
        return showSection(c, v, v.view.sections.length, [{ field: 'answers', message: MESSAGES[v.lang].nothingAnswered }]);
      throw err;
    }
    return redirect(c, `${base(v.token)}/done`);
  }

  app.get('/r/:token', async (c) => {
    const v = await open(c);
    return v instanceof Response ? v : sendPage(c, <WelcomePage v={v} />);
  });

  app.get('/r/:token/s/:n', async (c) => {
    const v = await open(c);
    if (v instanceof Response) return v;
    const n = sectionNumber(v, c.req.param('n'));
    return n ? showSection(c, v, n) : notice(c, 'noPage', 404, c.req.path, v);
  });

  app.post('/r/:token/s/:n', async (c) => {
    const v = await open(c);
    if (v instanceof Response) return v;
    const n = sectionNumber(v, c.req.param('n'));
    if (!n) return notice(c, 'noPage', 404, c.req.path, v);
    const section = v.view.sections[n - 1];
    const post = readSectionPost(v.questionnaire, section.id, await c.req.parseBody({ all: true }), MESSAGES[v.lang]);
    if (post.errors.length) return showSection(c, v, n, post.errors, post);

    const comments = post.comment === undefined ? {} : { [section.id]: storedComment(post.comment) };
    let outcome;
    try {
      outcome = await saveAnswers(deps, v, post.answers, comments);
    } catch (err) {
      // Submitted meanwhile (another tab): the thank-you page, as for any post after submitting.
      if (err instanceof Conflict && err.code === 'submitted') return redirect(c, `${base(v.token)}/done`);
      throw err;
    }
    const saved: Visit = { ...v, draft: { answers: outcome.answers, comments: outcome.comments } };
    const go = post.go === 'enter' ? (n === v.view.sections.length ? 'submit' : 'next') : post.go;
    if (go === 'submit') return tooFew(saved) ? redirect(c, `${base(v.token)}/confirm`) : finish(c, saved);
    if (go === 'back') return redirect(c, n > 1 ? `${base(v.token)}/s/${n - 1}` : base(v.token));
    // Saved first, then the same page in the other language, or the section a review link names.
    if (go === 'lang') return c.redirect(withLang(`${base(v.token)}/s/${n}`, MESSAGES[v.lang].otherLanguage.lang), 303);
    if (go.startsWith('s')) {
      const to = sectionNumber(v, go.slice(1));
      return redirect(c, `${base(v.token)}/s/${to ?? n}`);
    }
    return redirect(c, n < v.view.sections.length ? `${base(v.token)}/s/${n + 1}` : `${base(v.token)}/s/${n}`);
  });

  // Fewer than two-thirds answered: a page says what that means before anything is submitted (no script
  // needed); submitting from it carries confirm=1. Nothing answered at all is refused by finish().
  app.post('/r/:token/submit', async (c) => {
    const v = await open(c);
    if (v instanceof Response) return v;
    const body = await c.req.parseBody();
    if (body.confirm !== '1' && tooFew(v) && answeredCount(v) > 0) return redirect(c, `${base(v.token)}/confirm`);
    return finish(c, v);
  });

  app.get('/r/:token/confirm', async (c) => {
    const v = await open(c);
    if (v instanceof Response) return v;
    if (!tooFew(v)) return redirect(c, `${base(v.token)}/s/${v.view.sections.length}`);
    return sendPage(c, <ConfirmSubmitPage v={v} />);
  });

  app.get('/r/:token/done', async (c) => {
    const token = c.req.param('token');
    const v = await loadVisit(deps, token, langFrom(c));
    if (!v) return notice(c, 'invalid', 404, c.req.path);
    if (v.invitation.status !== 'submitted') return redirect(c, base(token));
    return notice(c, 'thanks', 200, `${base(token)}/done`, v);
  });

  return app;
}
