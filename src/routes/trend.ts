import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { presentTrend } from '../domain/presentTrend.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, jsonResponse, problemResponse, uuidParam } from '../http/router.js';
import { OrganizationTrend } from '../http/schemas/trend.js';
import { loadTrend } from '../services/trend.js';

export const trendQuery = z.object({
  lang: z.enum(['fa', 'en']).default('fa'),
  assessments: z
    .string()
    .max(2000)
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined))
    .openapi({ description: 'Comma-separated assessment ids; default: every closed assessment, oldest first' }),
});

export function trendRoutes(deps: AppDeps) {
  const r = createRouter();
  r.openapi(
    createRoute({
      method: 'get', path: '/organizations/{orgId}/trend', tags: ['Trend'],
      summary: 'Scores over repeated assessments: series, changes with Welch tests and effect sizes, level transitions, top movers', security: bearer,
      operationId: 'getOrganizationTrend',
      request: { params: z.object({ orgId: uuidParam }), query: trendQuery },
      responses: {
        200: jsonResponse(OrganizationTrend, 'The trend'),
        ...commonErrors,
        404: problemResponse('The organization, or one of the assessments named, was not found'),
        422: problemResponse('Questionnaire versions too different to compare'),
      },
    }),
    async (c) => {
      const user = await requireUser(deps.db, c);
      const { lang, assessments } = c.req.valid('query');
      const t = await loadTrend(deps, user, c.req.valid('param').orgId, assessments);
      return c.json(presentTrend({ orgId: t.org.id, points: t.points, items: t.items, q: t.definitions.at(-1), compatibility: t.compatibility, trend: t.trend }, lang), 200);
    },
  );
  return r;
}
