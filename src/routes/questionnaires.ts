import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { notFound } from '../httpErrors.js';
import { requireUser } from '../http/auth.js';
import { bearer, bearerErrors, commonErrors, createRouter, idString, jsonResponse } from '../http/router.js';
import { Questionnaire, QuestionnaireList } from '../http/schemas/questionnaires.js';

export function questionnairesRoutes({ db, questionnaires }: AppDeps) {
  const r = createRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/questionnaires', tags: ['Questionnaires'], summary: 'Available questionnaires and versions', security: bearer,
      operationId: 'listQuestionnaires',
      responses: { 200: jsonResponse(QuestionnaireList, 'Every loaded questionnaire version'), ...bearerErrors },
    }),
    async (c) => {
      await requireUser(db, c);
      return c.json(
        {
          questionnaires: questionnaires.list().map(({ definition: q, hash }) => ({
            id: q.id, version: q.version, title: q.title, items: q.items.length, sections: q.sections.length, hash,
          })),
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/questionnaires/{id}', tags: ['Questionnaires'],
      summary: 'The full definition with every item field (defaults resolved)', security: bearer,
      operationId: 'getQuestionnaire',
      request: {
        params: z.object({ id: idString.openapi({ param: { in: 'path' }, example: 'mehvar-core' }) }),
        query: z.object({ version: z.coerce.number().int().positive().optional() }),
      },
      responses: { 200: jsonResponse(Questionnaire, 'The questionnaire definition (without `version`: the newest)'), ...commonErrors },
    }),
    async (c) => {
      await requireUser(db, c);
      const q = questionnaires.get(c.req.valid('param').id, c.req.valid('query').version);
      if (!q) throw notFound('Questionnaire');
      return c.json({ ...q.definition, hash: q.hash }, 200);
    },
  );
  return r;
}
