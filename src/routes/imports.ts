import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from '../http/bodyLimit.js';
import type { AppDeps } from '../deps.js';
import { AppError } from '../httpErrors.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, jsonResponse, problemResponse, problems, uuidParam } from '../http/router.js';
import { ImportResult } from '../http/schemas/assessments.js';
import { parseCsvImport } from '../imports/csvImport.js';
import { decodeCsv, utf8Text } from '../imports/encoding.js';
import { parseJsonImport } from '../imports/jsonImport.js';
import { MAX_IMPORT_ROWS } from '../imports/paperImport.js';
import type { Questionnaire } from '../questionnaire/schema.js';
import { importResponses } from '../services/responseImport.js';

export function importsRoutes(deps: AppDeps) {
  const { config } = deps;
  const r = createRouter();
  r.use('/assessments/:id/responses/import', bodyLimit({ maxSize: config.maxImportBytes, onError: () => { throw new AppError(413, `An import may be at most ${config.maxImportBytes} bytes; split the file.`); } }));

  r.openapi(
    createRoute({
      method: 'post', path: '/assessments/{id}/responses/import', tags: ['Responses'],
      summary: 'Import paper responses (text/csv or JSON), all or nothing', security: bearer,
      description:
        `At most ${MAX_IMPORT_ROWS} rows. CSV: \`[response_id,]role,department,<item ids…>\`, so responses.csv as exported imports again ` +
        '(response_id ignored); cells in ASCII, Persian or Arabic-Indic digits, empty = unanswered, NA = don\'t know, N/A or na = not applicable (where the questionnaire offers it); comma, ' +
        'semicolon or tab separated. Read as UTF-8, UTF-16 (with a byte-order mark) or Windows-1256 (Excel\'s plain CSV on a Persian ' +
        'system), recognized by the byte-order mark, the charset parameter, or whether the bytes are valid UTF-8; anything else is 415.',
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
      operationId: 'importResponses',
      responses: {
        201: jsonResponse(ImportResult, 'Every row stored'),
        ...commonErrors,
        400: problemResponse('Invalid path, or a JSON body that is not JSON'),
        403: problemResponse('Managers have read-only access'),
        408: problems[408],
        409: problemResponse('The assessment is closed, or closed while the file was being checked; nothing stored'),
        413: problemResponse(`Larger than ${config.maxImportBytes} bytes; split the file`),
        415: problemResponse('Neither CSV nor JSON, or a file in an encoding or format this import does not read'),
        422: problemResponse('Bad rows: each with row, column and reason, or bytes not valid in the encoding; nothing stored'),
      },
    }),
    async (c) => {
      const [mediaType, ...params] = (c.req.header('content-type') ?? '').split(';').map((p) => p.trim());
      const type = mediaType.toLowerCase();
      // The body is read only once the service has checked access and that the assessment takes imports.
      const parse = async (q: Questionnaire) => {
        if (type === 'text/csv') {
          const charset = params.find((p) => /^charset=/i.test(p))?.slice(8).replace(/^"|"$/g, '');
          const decoded = await decodeCsv(new Uint8Array(await c.req.arrayBuffer()), charset);
          if (!decoded.ok) throw new AppError(decoded.status, `The file cannot be read: ${decoded.problem}.`, [{ path: decoded.path, message: decoded.problem }]);
          return parseCsvImport(q, decoded.text);
        }
        if (type === 'application/json') {
          const result = await parseJsonImport(q, await utf8Text(new Uint8Array(await c.req.arrayBuffer())));
          if (!result) throw new AppError(400, 'The body is not valid JSON.');
          return result;
        }
        throw new AppError(415, 'Send text/csv or application/json.');
      };
      const imported = await importResponses(deps, await requireUser(deps.db, c), c.req.param('id'), type, parse);
      return c.json({ imported }, 201);
    },
  );
  return r;
}
