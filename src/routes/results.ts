import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { presentResults } from '../domain/presentResults.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, jsonResponse, notModified, problemResponse, uuidParam } from '../http/router.js';
import { AssessmentResults } from '../http/schemas/results.js';
import { assessmentRef } from '../domain/assessmentScoring.js';
import { exportItems, exportResponses } from '../services/exports.js';
import { resultsFor } from '../services/results.js';
import { presentCustomerView } from '../domain/customerViewPresent.js';

const params = z.object({ id: uuidParam });
const booleanQuery = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');
const csvResponse = (description: string) => ({ description, content: { 'text/csv': { schema: z.string() } } });

export function resultsRoutes(deps: AppDeps) {
  const r = createRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/results', tags: ['Results'],
      summary: 'Scores, maturity levels, reliability, agreement, breakdowns and recommendations, on the anonymity snapshot', security: bearer,
      description:
        'Figures stand at a snapshot that advances only once anonymityThreshold (k) new submissions have arrived (`snapshot`); below k responses in the figures only counts and the response rate are given. Breakdown groups are shown only where every figure describes k or more people. `excludeFlagged=true` is refused with 422 when leaving out the straight-lined responses would change some group by fewer than k people.',
      operationId: 'getAssessmentResults',
      request: { params, query: z.object({ lang: z.enum(['fa', 'en']).default('fa'), excludeFlagged: booleanQuery }) },
      responses: {
        200: jsonResponse(AssessmentResults, 'The results (numbers unrounded)'),
        ...commonErrors,
        422: problemResponse('excludeFlagged=true would change some group by fewer than k people'),
      },
    }),
    async (c) => {
      const { lang, excludeFlagged } = c.req.valid('query');
      const { assessment, q, results, customers } = await resultsFor(deps, await requireUser(deps.db, c), c.req.valid('param').id, excludeFlagged);
      const customerView = customers ? presentCustomerView(customers.view, customers.customerQ, lang) : null;
      return c.json({ ...presentResults(assessmentRef(assessment), q, results, lang, excludeFlagged), customerView }, 200);
    },
  );

  const download = (c: { header: (k: string, v: string) => void }, name: string) => {
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${name}"`);
  };

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/export/responses.csv', tags: ['Results'],
      summary: 'One row per response in the figures (random id, role and department where k or more of the snapshot share them, answers), in an order that carries no information', security: bearer,
      operationId: 'exportResponsesCsv',
      request: { params },
      responses: { 200: csvResponse('UTF-8 CSV with BOM; NA = don\'t know, empty = unanswered'), 304: notModified, ...commonErrors },
    }),
    async (c) => {
      const { filename, csv } = await exportResponses(deps, await requireUser(deps.db, c), c.req.valid('param').id);
      download(c, filename);
      return c.body(csv, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/export/items.csv', tags: ['Results'],
      summary: 'Item scores and answer distributions', security: bearer,
      operationId: 'exportItemsCsv',
      request: { params },
      responses: { 200: csvResponse('UTF-8 CSV with BOM'), 304: notModified, ...commonErrors },
    }),
    async (c) => {
      const { filename, csv } = await exportItems(deps, await requireUser(deps.db, c), c.req.valid('param').id);
      download(c, filename);
      return c.body(csv, 200);
    },
  );
  return r;
}
