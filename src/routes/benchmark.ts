import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, jsonResponse, uuidParam } from '../http/router.js';
import { Benchmark } from '../http/schemas/benchmark.js';
import { benchmarkFor } from '../services/benchmark.js';

export function benchmarkRoutes(deps: AppDeps) {
  const r = createRouter();
  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/benchmark', tags: ['Trend'],
      summary: 'Percentile of this assessment among other organizations (at least 5, never named)', security: bearer,
      operationId: 'getAssessmentBenchmark',
      request: { params: z.object({ id: uuidParam }) },
      responses: { 200: jsonResponse(Benchmark, 'Percentiles, or `available: false` with the reason'), ...commonErrors },
    }),
    async (c) => {
      return c.json(await benchmarkFor(deps, await requireUser(deps.db, c), c.req.valid('param').id), 200);
    },
  );
  return r;
}
