import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { assessmentForCaller, requireWriter } from '../http/access.js';
import { anyJson, bearer, commonErrors, createRouter, uuidParam } from '../http/router.js';
import { assessmentOut } from '../http/serialize.js';
import { closeAssessment, countParticipation } from '../repositories/assessments.js';
import { recordAudit } from '../repositories/audit.js';

export function assessmentsRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  const r = createRouter();
  const params = z.object({ id: uuidParam });

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}', tags: ['Assessments'], summary: 'An assessment with its response counts', security: bearer,
      request: { params },
      responses: { 200: anyJson('The assessment'), ...commonErrors },
    }),
    async (c) => {
      const { assessment } = await assessmentForCaller(deps, c, c.req.valid('param').id);
      return c.json(assessmentOut(assessment, clock(), await countParticipation(db, assessment.id)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/assessments/{id}/close', tags: ['Assessments'], summary: 'Close an assessment: no more answers or submissions', security: bearer,
      request: { params },
      responses: { 200: anyJson('The closed assessment'), ...commonErrors },
    }),
    async (c) => {
      const { user, assessment } = await assessmentForCaller(deps, c, c.req.valid('param').id);
      requireWriter(user);
      const now = clock();
      await closeAssessment(db, assessment.id, now);
      if (!assessment.closed_at)
        await recordAudit(db, user, { action: 'assessment.close', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id }, now);
      const closed = { ...assessment, closed_at: assessment.closed_at ?? now.toISOString() };
      return c.json(assessmentOut(closed, now, await countParticipation(db, assessment.id)), 200);
    },
  );
  return r;
}
