import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { decodeAnswers } from '../domain/answers.js';
import { presentResults } from '../domain/presentResults.js';
import { itemsCsv, responsesCsv } from '../exports/csv.js';
import { assessmentForCaller } from '../http/access.js';
import { anyJson, bearer, commonErrors, createRouter, uuidParam } from '../http/router.js';
import { recordAudit } from '../repositories/audit.js';
import { listResponsesForScoring } from '../repositories/responses.js';
import { assessmentRef } from '../domain/assessmentScoring.js';
import { loadResults } from '../services/results.js';

const params = z.object({ id: uuidParam });
const booleanQuery = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');
const csvResponse = (description: string) => ({ description, content: { 'text/csv': { schema: z.string() } } });

export function resultsRoutes(deps: AppDeps) {
  const r = createRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/results', tags: ['Results'],
      summary: 'Scores, maturity levels, reliability, agreement, breakdowns and recommendations', security: bearer,
      request: { params, query: z.object({ lang: z.enum(['fa', 'en']).default('fa'), excludeFlagged: booleanQuery }) },
      responses: { 200: anyJson('The results (numbers unrounded)'), ...commonErrors },
    }),
    async (c) => {
      const { assessment } = await assessmentForCaller(deps, c, c.req.valid('param').id);
      const { lang, excludeFlagged } = c.req.valid('query');
      const { q, results } = await loadResults(deps, assessment, excludeFlagged);
      return c.json(presentResults(assessmentRef(assessment), q, results, lang, excludeFlagged), 200);
    },
  );

  const download = (c: { header: (k: string, v: string) => void }, name: string) => {
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${name}"`);
  };

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/export/responses.csv', tags: ['Results'],
      summary: 'One row per submitted response (anonymous id, role, department unless suppressed, answers)', security: bearer,
      request: { params },
      responses: { 200: csvResponse('UTF-8 CSV with BOM; NA = don\'t know, empty = unanswered'), ...commonErrors },
    }),
    async (c) => {
      const { user, assessment } = await assessmentForCaller(deps, c, c.req.valid('param').id);
      const { q, results } = await loadResults(deps, assessment, false);
      await recordAudit(deps.db, user, { action: 'export.responses', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id }, deps.clock());
      const rows = await listResponsesForScoring(deps.db, assessment.id);
      const csv = responsesCsv(q, rows.map((row) => ({ ...row, answers: decodeAnswers(row.answers) })), results);
      download(c, `mehvar-${assessment.id}-responses.csv`);
      return c.body(csv, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/export/items.csv', tags: ['Results'],
      summary: 'Item scores and answer distributions', security: bearer,
      request: { params },
      responses: { 200: csvResponse('UTF-8 CSV with BOM'), ...commonErrors },
    }),
    async (c) => {
      const { user, assessment } = await assessmentForCaller(deps, c, c.req.valid('param').id);
      const { q, results } = await loadResults(deps, assessment, false);
      await recordAudit(deps.db, user, { action: 'export.items', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id }, deps.clock());
      download(c, `mehvar-${assessment.id}-items.csv`);
      return c.body(itemsCsv(q, results), 200);
    },
  );
  return r;
}
