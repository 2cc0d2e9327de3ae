import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, jsonResponse, problemResponse, problems, uuidParam } from '../http/router.js';
import { Assessment, ClosedAssessment } from '../http/schemas/assessments.js';
import { assessmentOut } from '../http/serialize.js';
import { closeAssessmentFor, describeAssessment } from '../services/assessments.js';
import { deleteAssessment, editAssessment, reopenAssessmentFor } from '../services/assessments.js';
import { jsonBodyErrors, userText } from '../http/router.js';

export function assessmentsRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  const r = createRouter();
  const params = z.object({ id: uuidParam });

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}', tags: ['Assessments'], summary: 'An assessment with its response counts', security: bearer,
      operationId: 'getAssessment',
      request: { params },
      responses: { 200: jsonResponse(Assessment, 'The assessment'), ...commonErrors },
    }),
    async (c) => {
      const { assessment, participation } = await describeAssessment(deps, await requireUser(db, c), c.req.valid('param').id);
      return c.json(assessmentOut(assessment, clock(), participation), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/assessments/{id}/close', tags: ['Assessments'], summary: 'Close an assessment: no more answers or submissions; takes the final anonymity snapshot', security: bearer,
      description:
        '`figures.inFigures` is the number of responses in the final figures; `figures.leftOut` those submitted after the last update that stay out of them, because fewer than anonymityThreshold added to figures already shown would reveal their answers.',
      operationId: 'closeAssessment',
      request: { params },
      responses: {
        200: jsonResponse(ClosedAssessment, 'The closed assessment; closing again changes nothing'),
        ...commonErrors,
        403: problemResponse('Managers have read-only access'),
        413: problems[413],
      },
    }),
    async (c) => {
      const { assessment, figures, participation } = await closeAssessmentFor(deps, await requireUser(db, c), c.req.valid('param').id);
      return c.json({ ...assessmentOut(assessment, clock(), participation), figures }, 200);
    },
  );
  const score = z.number().min(0).max(100).nullable();
  r.openapi(
    createRoute({
      method: 'patch', path: '/assessments/{id}', tags: ['Assessments'], summary: 'Edit an assessment: title, targets, closing date; the anonymity threshold only while nothing is submitted', security: bearer,
      operationId: 'updateAssessment',
      request: {
        params,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.strictObject({
                title: userText(300).optional(),
                anonymityThreshold: z.number().int().min(2).max(100).optional(),
                targets: z.strictObject({ culture: score.optional(), process: score.optional(), interaction: score.optional() }).optional(),
                closesAt: z.iso.datetime({ offset: true }).nullable().optional(),
              }),
            },
          },
        },
      },
      responses: {
        200: jsonResponse(Assessment, 'The assessment as changed'),
        ...jsonBodyErrors,
        ...commonErrors,
        403: problemResponse('Managers have read-only access'),
        422: problemResponse('A closing date in the past or on a closed assessment, or a new threshold after responses were submitted'),
      },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const a = await editAssessment(deps, await requireUser(db, c), c.req.valid('param').id, {
        title: b.title, anonymityThreshold: b.anonymityThreshold, targets: b.targets, closesAt: b.closesAt === undefined ? undefined : b.closesAt === null ? null : new Date(b.closesAt),
      });
      const { participation } = await describeAssessment(deps, await requireUser(db, c), a.id);
      return c.json(assessmentOut(a, clock(), participation), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/assessments/{id}/reopen', tags: ['Assessments'], summary: 'Reopen a closed assessment, with a new closing date or none', security: bearer,
      description: 'Its final scores stop being final: they are no longer served to comparisons and benchmarks until it closes again. Figures continue from the updates already made; new submissions enter anonymityThreshold at a time.',
      operationId: 'reopenAssessment',
      request: { params, body: { required: false, content: { 'application/json': { schema: z.strictObject({ closesAt: z.iso.datetime({ offset: true }).optional() }) } } } },
      responses: {
        200: jsonResponse(Assessment, 'The assessment, open again'),
        ...jsonBodyErrors,
        ...commonErrors,
        403: problemResponse('Managers have read-only access'),
        409: problemResponse('The assessment is open'),
        422: problemResponse('A closing date in the past'),
      },
    }),
    async (c) => {
      const b = c.req.valid('json') ?? {};
      const user = await requireUser(db, c);
      const a = await reopenAssessmentFor(deps, user, c.req.valid('param').id, b.closesAt ? new Date(b.closesAt) : null);
      const { participation } = await describeAssessment(deps, user, a.id);
      return c.json(assessmentOut(a, clock(), participation), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete', path: '/assessments/{id}', tags: ['Assessments'], summary: 'Delete an assessment with its links and responses', security: bearer,
      description: 'Once a response is submitted, `confirm` must be the assessment\'s title (422 otherwise). The audit log keeps the deletion.',
      operationId: 'deleteAssessment',
      request: { params, query: z.object({ confirm: z.string().max(600).optional().openapi({ description: 'The title, needed once responses exist' }) }) },
      responses: {
        204: { description: 'Deleted' },
        ...commonErrors,
        403: problemResponse('Managers have read-only access'),
        422: problemResponse('Responses exist and `confirm` is not the title'),
      },
    }),
    async (c) => {
      await deleteAssessment(deps, await requireUser(db, c), c.req.valid('param').id, c.req.valid('query').confirm);
      return c.body(null, 204);
    },
  );
  return r;
}
