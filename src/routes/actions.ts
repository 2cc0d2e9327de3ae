import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { ACTION_STATUSES, type ActionRecord, isOverdue, targetOf } from '../domain/actions.js';
import { requireUser } from '../http/auth.js';
import { bearer, bearerErrors, commonErrors, createRouter, idString, jsonBodyErrors, jsonResponse, problemResponse, problems, userText, uuidParam } from '../http/router.js';
import { Action, ActionList } from '../http/schemas/actions.js';
import { actionsOf, changeAction, createAction, removeAction } from '../services/actions.js';

const status = z.enum(ACTION_STATUSES);
const targetFields = {
  dimension: idString.optional().openapi({ description: 'A dimension id (culture, process, interaction)' }),
  section: idString.optional().openapi({ description: "A section id of the assessment's questionnaire" }),
  itemIds: z.array(idString).min(1).max(50).optional().openapi({ description: "Item ids of the assessment's questionnaire" }),
};
const fields = {
  title: userText(300),
  description: userText(4000, { multiline: true }).nullable().optional(),
  recommendationId: idString.nullable().optional().openapi({ description: "A recommendation of the assessment's questionnaire; the dashboard prefills the target from it" }),
  ...targetFields,
  owner: userText(200),
  dueDate: z.iso.date().openapi({ description: 'YYYY-MM-DD; not before the assessment started' }),
  status,
};

const createBody = z.strictObject({ assessmentId: idString, ...fields, status: status.default('planned') }).openapi({ description: 'Give exactly one target: dimension, section or itemIds' });
const patchBody = z.strictObject({
  title: fields.title.optional(),
  description: fields.description,
  recommendationId: fields.recommendationId,
  ...targetFields,
  owner: fields.owner.optional(),
  dueDate: fields.dueDate.optional(),
  status: status.optional(),
}).openapi({ description: 'The fields to change; a target given replaces the old one' });

export function actionOut(a: ActionRecord, now: Date) {
  const t = targetOf(a);
  return {
    id: a.id, organizationId: a.organization_id, assessmentId: a.assessment_id, title: a.title, description: a.description, recommendationId: a.recommendation_id,
    target: t.kind === 'dimension' ? { kind: t.kind, dimension: t.dimension } : t.kind === 'section' ? { kind: t.kind, section: t.section } : { kind: t.kind, itemIds: t.itemIds },
    owner: a.owner, dueDate: a.due_date, status: a.status, overdue: isOverdue(a, now), createdAt: a.created_at, updatedAt: a.updated_at,
  };
}

const invalidAction = problemResponse('The action does not fit its assessment: a due date before it started, unknown item ids or section, a recommendation of another questionnaire, or not exactly one target');

export function actionsRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  const r = createRouter();
  const orgParams = z.object({ orgId: uuidParam });
  const idParams = z.object({ id: uuidParam });

  r.openapi(
    createRoute({
      method: 'post', path: '/organizations/{orgId}/actions', tags: ['Actions'], summary: 'Record an action of an assessment (consultant, admin)', security: bearer,
      operationId: 'createAction',
      request: { params: orgParams, body: { required: true, content: { 'application/json': { schema: createBody } } } },
      responses: {
        201: jsonResponse(Action, 'The action'),
        ...jsonBodyErrors,
        ...bearerErrors,
        403: problemResponse('Managers have read-only access'),
        404: problems[404],
        422: invalidAction,
      },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const action = await createAction(deps, await requireUser(db, c), c.req.valid('param').orgId, { ...b, description: b.description ?? null, recommendationId: b.recommendationId ?? null });
      return c.json(actionOut(action, clock()), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/organizations/{orgId}/actions', tags: ['Actions'], summary: "An organization's actions, by due day", security: bearer,
      operationId: 'listActions',
      request: { params: orgParams, query: z.object({ assessmentId: idString.optional().openapi({ description: "Only this assessment's actions" }) }) },
      responses: { 200: jsonResponse(ActionList, 'The actions'), ...commonErrors },
    }),
    async (c) => {
      const { actions } = await actionsOf(deps, await requireUser(db, c), c.req.valid('param').orgId, c.req.valid('query').assessmentId);
      const now = clock();
      return c.json({ actions: actions.map((a) => actionOut(a, now)) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch', path: '/actions/{id}', tags: ['Actions'], summary: "Change an action's fields, status or target", security: bearer,
      operationId: 'updateAction',
      request: { params: idParams, body: { required: true, content: { 'application/json': { schema: patchBody } } } },
      responses: {
        200: jsonResponse(Action, 'The action as changed'),
        ...jsonBodyErrors,
        ...bearerErrors,
        403: problemResponse('Managers have read-only access'),
        404: problemResponse('No such action visible to the caller'),
        422: invalidAction,
      },
    }),
    async (c) => {
      const action = await changeAction(deps, await requireUser(db, c), c.req.valid('param').id, c.req.valid('json'));
      return c.json(actionOut(action, clock()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete', path: '/actions/{id}', tags: ['Actions'], summary: 'Delete an action', security: bearer,
      operationId: 'deleteAction',
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, ...commonErrors, 403: problemResponse('Managers have read-only access'), 404: problemResponse('No such action visible to the caller') },
    }),
    async (c) => {
      await removeAction(deps, await requireUser(db, c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  return r;
}
