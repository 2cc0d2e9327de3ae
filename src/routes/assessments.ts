import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, jsonResponse, problemResponse, problems, uuidParam } from '../http/router.js';
import { Assessment, ClosedAssessment } from '../http/schemas/assessments.js';
import { assessmentOut } from '../http/serialize.js';
import { closeAssessmentFor, describeAssessment } from '../services/assessments.js';

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
  return r;
}
