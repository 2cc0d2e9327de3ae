import path from 'node:path';
import { Hono } from 'hono';
import { consultantPages, type ConsultantOptions } from '../../src/web/app/routes.js';
import { csrfFor, SESSION_COOKIE } from '../../src/web/app/session.js';
import { respondentPages } from '../../src/web/respondent/routes.js';
import { generateToken } from '../../src/auth/tokens.js';
import { createSession } from '../../src/repositories/sessions.js';
import { findUserByToken } from '../../src/repositories/users.js';
import { buildTestApp } from '../helpers.js';

const ROOT = path.join(import.meta.dirname, '..', '..');

/**
 * The JSON API plus the respondent pages, on the real questionnaire (the newest version unless told), with
 * one staff invitation.
 */
export async function buildRespondentApp(opts: { now?: () => Date; version?: number } = {}) {
  const t = await buildTestApp({ questionnairesDir: path.join(ROOT, 'questionnaires'), now: opts.now });
  const app = new Hono();
  app.route('/', respondentPages(t.deps));
  app.route('/', t.app);
  const q = t.deps.questionnaires.get('mehvar-core', opts.version)!.definition;
  const { token: consultant, assessmentId } = await t.setup({ questionnaireId: 'mehvar-core', questionnaireVersion: q.version });
  const [inv] = await t.invite(consultant, assessmentId, 'staff', 1, 'فروش');
  const sectionItems = q.sections.map((s) => q.items.filter((i) => i.section === s.id).map((i) => i.id));

  /** A plain HTML form post, as a browser without JavaScript sends it. */
  async function post(url: string, fields: Array<[string, string]>, headers: Record<string, string> = {}) {
    return app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }

  async function draft() {
    const row = await t.db.selectFrom('invitations').select(['draft_answers', 'draft_comments', 'status']).where('id', '=', inv.id).executeTakeFirstOrThrow();
    return { status: row.status, answers: JSON.parse(row.draft_answers ?? '{}'), comments: JSON.parse(row.draft_comments ?? '{}') };
  }

  return { t, app, consultant, assessmentId, token: inv.token, q, sectionItems, post, draft };
}

/** Whether the radio with this value for this item is rendered checked. */
export function isChecked(html: string, itemId: string, value: string): boolean {
  const m = html.match(new RegExp(`<input[^>]*id="q-${itemId.replace(/\./g, '\\.')}-${value}"[^>]*>`));
  if (!m) throw new Error(`no radio ${itemId}=${value}`);
  return /\schecked(=""|\s|\/|>)/.test(m[0]);
}

/** The JSON API, the respondent pages and the consultant dashboard on the real questionnaire, with a consultant. */
export async function buildConsultantApp(opts: { now?: () => Date; env?: Record<string, string>; renderReport?: ConsultantOptions['renderReport'] } = {}) {
  const t = await buildTestApp({ questionnairesDir: path.join(ROOT, 'questionnaires'), now: opts.now, env: opts.env });
  const app = new Hono();
  app.route('/', consultantPages(t.deps, { renderReport: opts.renderReport }));
  app.route('/', t.app);
  const q = t.deps.questionnaires.get('mehvar-core')!.definition;
  const consultant = await t.consultant('مشاور نمونه');

  /**
   * What a browser signed in with this token sends: its session cookie, and the CSRF value its forms carry.
   * The session is stored before the next get or post (a token that names no user gets none).
   */
  const pending: Promise<unknown>[] = [];
  const session = (token: string) => {
    const secret = generateToken();
    pending.push(findUserByToken(t.db, token).then((user) => user && createSession(t.db, user.id, t.deps.clock(), secret)));
    return { cookie: `${SESSION_COOKIE}=${secret}`, csrf: csrfFor(secret) };
  };
  const stored = () => Promise.all(pending.splice(0));

  const get = async (url: string, cookie?: string) => {
    await stored();
    return app.request(url, { headers: cookie ? { cookie } : {} });
  };

  /** A plain HTML form post from our own origin, as a browser sends it. */
  const post = async (url: string, fields: Record<string, string>, cookie?: string, headers: Record<string, string> = {}) => {
    await stored();
    return app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', ...(cookie ? { cookie } : {}), ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  };

  return { t, app, q, consultant, session, get, post };
}
