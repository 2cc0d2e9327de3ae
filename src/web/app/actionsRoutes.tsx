import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { ACTION_STATUSES, recommendationTargetOf } from '../../domain/actions.js';
import { Invalid } from '../../domain/errors.js';
import { idString, userText } from '../../http/router.js';
import { actionBoard, actionFor, changeAction, createAction, removeAction, type ActionTargetInput } from '../../services/actions.js';
import { assessmentWithOrganization } from '../../services/assessments.js';
import { questionnaireOf } from '../../services/questionnaires.js';
import { asciiDigits } from '../../text.js';
import { sendPage } from '../shared/layout.js';
import { ActionsBoardPage } from './actionsBoard.js';
import { ACTIONS_TEXT } from './actionsText.js';
import { sessionOf, switchHrefFor } from './chrome.js';
import { emptyForm, type FormState } from './fields.js';
import { href } from './format.js';
import { parseForm } from './forms.js';
import type { PagesEnv } from './session.js';

// The action board and its forms: the same services, validation and audit entries as the JSON API
// (src/routes/actions.ts). Every form posts and the server renders, so it works without JavaScript.

const day = z.preprocess((v) => (typeof v === 'string' ? asciiDigits(v.trim()) : v), z.iso.date());
const newActionForm = z.object({
  assessmentId: idString,
  title: userText(300),
  target: z.string().regex(/^(dimension|section):[A-Za-z0-9._-]{1,100}$/),
  owner: userText(200),
  dueDate: day,
  status: z.enum(ACTION_STATUSES),
});
const editForm = z.object({ owner: userText(200), dueDate: day, status: z.enum(ACTION_STATUSES) });

const targetOfField = (v: string): ActionTargetInput => {
  const [kind, id] = v.split(':');
  return kind === 'dimension' ? { dimension: id } : { section: id };
};

/** The service's field names as the form's. */
const formField = (path: string) => (['dimension', 'section', 'itemIds', 'target', 'recommendationId'].includes(path.split('.')[0]) ? 'target' : path.split('.')[0]);

/** A day `months` after `now`, as YYYY-MM-DD: the due date an action made in one click starts with. */
const monthsAfter = (now: Date, months: number) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** A recommendation's text as an action's title: its first sentence, at most 300 characters. */
const titleFrom = (text: string) => {
  const first = text.split(/(?<=[.:؛])\s/)[0];
  return first.length <= 300 ? first : `${first.slice(0, 299)}…`;
};

export function actionRoutes(deps: AppDeps) {
  const app = new Hono<PagesEnv>();

  async function board(c: Context<PagesEnv>, orgId: string, form: FormState = emptyForm({ status: 'planned' }), status: 200 | 422 = 200, editing?: { actionId: string; form: FormState }) {
    const lang = c.get('lang');
    const b = await actionBoard(deps, c.get('user'), orgId);
    const newest = b.assessments.at(-1);
    const q = newest ? questionnaireOf(deps, newest).definition : undefined;
    const targets = [
      ...(q?.dimensions.map((d) => ({ group: 'dimension' as const, value: d.id, label: d.name[lang] })) ?? []),
      ...(q?.sections.map((s) => ({ group: 'section' as const, value: s.id, label: s.title[lang] })) ?? []),
    ];
    return sendPage(
      c,
      <ActionsBoardPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={b.org} assessments={b.assessments} rows={b.rows} comparable={b.comparable} targets={targets} form={form} highlight={c.req.query('action')} editing={editing} />,
      status,
    );
  }

  const boardHref = (orgId: string, lang: 'fa' | 'en', actionId?: string) => `${href(`/app/organizations/${orgId}/actions`, lang, { action: actionId })}${actionId ? `#action-${actionId}` : ''}`;

  app.get('/app/organizations/:orgId/actions', (c) => board(c, c.req.param('orgId')));

  app.post('/app/organizations/:orgId/actions', async (c) => {
    const lang = c.get('lang');
    const orgId = c.req.param('orgId');
    const messages = ACTIONS_TEXT[lang].errors;
    const parsed = parseForm(newActionForm, await c.req.parseBody(), messages);
    if (!parsed.ok) return board(c, orgId, parsed.form, 422);
    const b = parsed.data;
    try {
      const action = await createAction(deps, c.get('user'), orgId, {
        assessmentId: b.assessmentId, title: b.title, description: null, recommendationId: null, owner: b.owner, dueDate: b.dueDate, status: b.status, ...targetOfField(b.target),
      });
      return c.redirect(boardHref(orgId, lang, action.id), 303);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      const errors: Record<string, string> = { form: '' };
      for (const { path } of err.fieldErrors) errors[formField(path)] = messages[formField(path)] ?? messages.target;
      return board(c, orgId, { values: parsed.form.values, errors }, 422);
    }
  });

  app.post('/app/actions/:id', async (c) => {
    const lang = c.get('lang');
    const messages = ACTIONS_TEXT[lang].errors;
    const parsed = parseForm(editForm, await c.req.parseBody(), messages);
    const user = c.get('user');
    const { action } = await actionFor(deps, user, c.req.param('id'));
    // A refused edit comes back on the board, that action's form open with what was typed and why.
    const refused = (errors: Record<string, string>) => board(c, action.organization_id, undefined, 422, { actionId: action.id, form: { values: parsed.form.values, errors } });
    if (!parsed.ok) return refused(parsed.form.errors);
    try {
      await changeAction(deps, user, action.id, parsed.data);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return refused(Object.fromEntries(err.fieldErrors.map(({ path }) => [formField(path), messages[formField(path)] ?? messages.target])));
    }
    return c.redirect(boardHref(action.organization_id, lang, action.id), 303);
  });

  app.post('/app/actions/:id/delete', async (c) => {
    const lang = c.get('lang');
    const { action } = await actionFor(deps, c.get('user'), c.req.param('id'));
    await removeAction(deps, c.get('user'), action.id);
    return c.redirect(boardHref(action.organization_id, lang), 303);
  });

  // One click on a recommendation: the action takes its target and text, the user as owner and a due date
  // three months on; both are changed on the board.
  app.post('/app/assessments/:id/actions', async (c) => {
    const lang = c.get('lang');
    const user = c.get('user');
    const { assessment, org } = await assessmentWithOrganization(deps, user, c.req.param('id'));
    const body = await c.req.parseBody();
    const recommendationId = typeof body.recommendationId === 'string' ? body.recommendationId : '';
    const q = questionnaireOf(deps, assessment).definition;
    const rec = q.recommendations.find((r) => r.id === recommendationId);
    const target = recommendationTargetOf(q, recommendationId);
    if (!rec || !target) throw new Invalid('No such recommendation in this questionnaire.', [{ path: 'recommendationId', message: 'unknown' }]);
    const now = deps.clock();
    const started = assessment.created_at.slice(0, 10);
    const due = monthsAfter(now, 3);
    const action = await createAction(deps, user, org.id, {
      assessmentId: assessment.id, title: titleFrom(rec.text[lang]), description: rec.text[lang], recommendationId, owner: user.name,
      dueDate: due < started ? started : due, status: 'planned',
      ...(target.kind === 'section' ? { section: target.section } : target.kind === 'items' ? { itemIds: target.itemIds } : { dimension: target.dimension }),
    });
    return c.redirect(boardHref(org.id, lang, action.id), 303);
  });

  return app;
}
