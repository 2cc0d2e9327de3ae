import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, jsonBodyErrors, jsonResponse, problemResponse, uuidParam } from '../http/router.js';
import { CustomerSurveyLinks, CustomerSurveyRequest, CustomerSurveyStatus } from '../http/schemas/customerSurvey.js';
import { customerSurveyFor, customerSurveyQr, openCustomerSurvey } from '../services/customerSurvey.js';

/** The consultant's side of a customer survey: open it beside an assessment, read its status, print its QR code. */
export function customerSurveyRoutes(deps: AppDeps) {
  const { db } = deps;
  const r = createRouter();
  const params = z.object({ id: uuidParam });
  const qrPath = (id: string) => `/api/v1/assessments/${id}/customer-survey/qr.png`;

  r.openapi(
    createRoute({
      method: 'post', path: '/assessments/{id}/customer-survey', tags: ['Customer survey'], security: bearer,
      summary: "Open the assessment's customer survey (or set its closing date and add single-use links)",
      description:
        'One survey per assessment, answered by its customers at `/c/{token}`; it takes answers while the assessment is open (and until `closesAt`). Asking again returns the same shareable link; single-use link URLs are shown only in the answer that made them.',
      operationId: 'openCustomerSurvey',
      // Optional: an empty body opens the survey with no closing date and no single-use links.
      request: { params, body: { required: false, content: { 'application/json': { schema: CustomerSurveyRequest } } } },
      responses: {
        201: jsonResponse(CustomerSurveyLinks, 'The survey was opened'),
        200: jsonResponse(CustomerSurveyLinks, 'The survey already existed; closing date and new single-use links applied'),
        ...commonErrors,
        ...jsonBodyErrors,
        403: problemResponse('Managers have read-only access'),
        409: problemResponse('The assessment is closed'),
        422: problemResponse('A closing date that has passed, or no customer questionnaire loaded; nothing was changed'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json') ?? {};
      const opened = await openCustomerSurvey(deps, await requireUser(db, c), c.req.valid('param').id, {
        closesAt: body.closesAt ? new Date(body.closesAt) : undefined,
        singleUseCount: body.singleUseCount,
      });
      const out = {
        url: opened.url,
        ...(opened.singleUse.length ? { singleUse: opened.singleUse } : {}),
        closesAt: opened.survey.closes_at,
        open: true,
      };
      return opened.created ? c.json(out, 201) : c.json(out, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/customer-survey', tags: ['Customer survey'], security: bearer,
      summary: "The customer survey's link, whether it is open, and how many customers answered",
      operationId: 'getCustomerSurvey',
      request: { params },
      responses: { 200: jsonResponse(CustomerSurveyStatus, 'The customer survey'), ...commonErrors, 404: problemResponse('No such assessment, or it has no customer survey') },
    }),
    async (c) => {
      const s = await customerSurveyFor(deps, await requireUser(db, c), c.req.valid('param').id);
      return c.json(
        {
          url: s.url,
          qrCode: qrPath(s.survey.assessment_id),
          closesAt: s.survey.closes_at,
          open: s.open,
          questionnaire: { id: s.survey.questionnaire_id, version: s.survey.questionnaire_version },
          submitted: s.submitted,
          singleUse: s.singleUse,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/customer-survey/qr.png', tags: ['Customer survey'], security: bearer,
      summary: "The survey's shareable link as a QR code (PNG) for printing",
      operationId: 'getCustomerSurveyQrCode',
      request: { params, query: z.object({ size: z.coerce.number().int().min(128).max(2048).default(512).openapi({ description: 'Width and height in pixels' }) }) },
      responses: {
        200: { description: 'A PNG image', content: { 'image/png': { schema: z.string().openapi({ format: 'binary' }) } } },
        ...commonErrors,
        404: problemResponse('No such assessment, or it has no customer survey'),
      },
    }),
    async (c) => {
      const { png } = await customerSurveyQr(deps, await requireUser(db, c), c.req.valid('param').id, c.req.valid('query').size);
      c.header('content-type', 'image/png');
      c.header('cache-control', 'private, max-age=300');
      return c.body(new Uint8Array(png), 200);
    },
  );
  return r;
}
