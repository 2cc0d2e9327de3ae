import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { assessmentForCaller } from '../http/auth.js';
import { bearer, commonErrors, createRouter, jsonResponse, notModified, uuidParam } from '../http/router.js';
import { AssessmentComments } from '../http/schemas/comments.js';
import { exportComments, loadComments } from '../services/comments.js';

const params = z.object({ id: uuidParam });
const query = z.object({ lang: z.enum(['fa', 'en']).default('fa') });

export function commentsRoutes(deps: AppDeps) {
  const r = createRouter();
  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/comments', tags: ['Results'],
      summary: "Respondents' comments per section, with themes, under the anonymity rules", security: bearer,
      operationId: 'getAssessmentComments',
      description: 'Nothing below anonymityThreshold responses in the figures; released comments only, in an order that carries no information, without response ids; role or department only where k or more share it.',
      request: { params, query },
      responses: { 200: jsonResponse(AssessmentComments, 'The comments and their themes'), ...commonErrors },
    }),
    async (c) => {
      const { assessment } = await assessmentForCaller(deps, c, c.req.valid('param').id);
      return c.json(await loadComments(deps, assessment, c.req.valid('query').lang), 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/export/comments.csv', tags: ['Results'],
      summary: 'The same comments as CSV (section, title, role, department, text)', security: bearer,
      operationId: 'exportComments',
      request: { params, query },
      responses: { 200: { description: 'UTF-8 CSV with BOM, formula cells neutralized', content: { 'text/csv': { schema: z.string() } } }, 304: notModified, ...commonErrors },
    }),
    async (c) => {
      const { user, assessment } = await assessmentForCaller(deps, c, c.req.valid('param').id);
      const { filename, csv } = await exportComments(deps, user, assessment, c.req.valid('query').lang);
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="${filename}"`);
      return c.body(csv, 200);
    },
  );
  return r;
}
