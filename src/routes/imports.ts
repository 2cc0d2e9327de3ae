import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from '../http/bodyLimit.js';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { assessmentForCaller, questionnaireOf, requireWriter } from '../http/access.js';
import { anyJson, bearer, commonErrors, createRouter, problemResponse, uuidParam } from '../http/router.js';
import { parseCsvImport, parseJsonImport } from '../imports/paperImport.js';
import { isClosed } from '../repositories/assessments.js';
import { recordAudit } from '../repositories/audit.js';
import { insertImportedResponses } from '../repositories/responses.js';

export function importsRoutes(deps: AppDeps) {
  const { db, clock, config } = deps;
  const r = createRouter();
  r.use('/assessments/:id/responses/import', bodyLimit({ maxSize: config.maxImportBytes, onError: () => { throw new AppError(413, `An import may be at most ${config.maxImportBytes} bytes; split the file.`); } }));

  r.openapi(
    createRoute({
      method: 'post', path: '/assessments/{id}/responses/import', tags: ['Responses'],
      summary: 'Import paper responses (text/csv or JSON), all or nothing', security: bearer,
      request: {
        params: z.object({ id: uuidParam }),
        body: {
          required: true,
          content: {
            'text/csv': { schema: z.string().openapi({ example: 'role,department,info.know-customers\nstaff,فروش,4\nmanager,,NA' }) },
            // Validated by parseJsonImport (so CSV and JSON report errors alike), not by the route validator.
            'application/json': {
              schema: z.unknown().openapi({
                description: '{responses: [{role: "manager"|"staff", department?, answers: {itemId: integer | null}}]}',
              }),
            },
          },
        },
      },
      responses: { 201: anyJson('{imported: n}'), 409: anyJson('Assessment closed'), 413: problemResponse('Too large'), 415: problemResponse('Neither CSV nor JSON'), 422: problemResponse('Bad rows: each with row, column and reason; nothing stored'), ...commonErrors },
    }),
    async (c) => {
      const { user, assessment } = await assessmentForCaller(deps, c, c.req.param('id'));
      requireWriter(user);
      const now = clock();
      if (isClosed(assessment, now)) throw new AppError(409, 'This assessment is closed; responses can no longer be imported.');
      const q = questionnaireOf(deps, assessment).definition;
      const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
      let result;
      if (type === 'text/csv') result = parseCsvImport(q, await c.req.text());
      else if (type === 'application/json') {
        let body: unknown;
        try {
          body = JSON.parse(await c.req.text());
        } catch {
          throw new AppError(400, 'The body is not valid JSON.');
        }
        result = parseJsonImport(q, body);
      } else throw new AppError(415, 'Send text/csv or application/json.');
      if (result.errors.length) throw new AppError(422, 'The import has bad rows; nothing was stored.', result.errors);
      const imported = await insertImportedResponses(db, assessment.id, q, result.rows, now);
      await recordAudit(db, user, { action: 'responses.import', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id, details: { imported, format: type } }, now);
      return c.json({ imported }, 201);
    },
  );
  return r;
}
