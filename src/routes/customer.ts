import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { Conflict } from '../domain/errors.js';
import { AppError } from '../httpErrors.js';
import { createRouter, jsonBodyErrors, jsonResponse, problemResponse, problems } from '../http/router.js';
import { CustomerAnswers, CustomerForm, CustomerSubmission } from '../http/schemas/customerSurvey.js';
import { localizeQuestionnaire } from '../questionnaire/localize.js';
import { submitCustomerAnswers, visitCustomerSurvey } from '../services/customerSurvey.js';
import { answeredHere, type CustomerAnswerBudget, markAnswered } from './customerLimits.js';

const tokenParams = z.object({ token: z.string().max(200).openapi({ param: { in: 'path' } }) });
/** No header credential: the survey link in the path is the credential. */
const linkOnly: [] = [];
const retryAfter = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' as const } } };

/** What a customer's link reads and sends; it reveals no one's answers. */
export function customerRoutes(deps: AppDeps, limits: { answers: CustomerAnswerBudget }) {
  const r = createRouter();
  // The link first: an unknown link is 404 whatever the body, as for respondent links.
  r.use('/customer/:token/responses', async (c, next) => {
    await visitCustomerSurvey(deps, c.req.param('token'));
    await next();
  });

  r.openapi(
    createRoute({
      method: 'get', path: '/customer/{token}', tags: ['Customer survey'], summary: 'The customer survey in one language',
      operationId: 'getCustomerForm',
      security: linkOnly,
      request: { params: tokenParams, query: z.object({ lang: z.enum(['fa', 'en']).default('fa') }) },
      responses: {
        200: jsonResponse(CustomerForm, 'The survey'),
        400: problems[400],
        404: problemResponse('No such survey link'),
        429: problemResponse('This address tried too many unknown links', retryAfter),
        500: problems[500],
        503: problems[503],
      },
    }),
    async (c) => {
      const v = await visitCustomerSurvey(deps, c.req.valid('param').token);
      const lang = c.req.valid('query').lang;
      return c.json(
        {
          organization: lang === 'en' ? (v.organization.name_en ?? v.organization.name_fa) : v.organization.name_fa,
          open: !v.closed,
          used: v.used,
          questionnaire: localizeQuestionnaire(v.questionnaire, lang),
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/customer/{token}/responses', tags: ['Customer survey'],
      summary: "Send one customer's answers",
      description:
        'Answers are `itemId → 1..5` or null ("don\'t know"). One answer per browser (a cookie marks it), per single-use link, and a limited number per address and hour; no account, no name.',
      operationId: 'sendCustomerAnswers',
      security: linkOnly,
      request: { params: tokenParams, body: { required: true, content: { 'application/json': { schema: CustomerAnswers } } } },
      responses: {
        201: jsonResponse(CustomerSubmission, 'Received'),
        ...jsonBodyErrors,
        404: problemResponse('No such survey link'),
        409: problemResponse('The survey is closed, this single-use link was used, or this browser already answered'),
        422: problemResponse('An unknown item, a value off the scale, or nothing answered; nothing was stored'),
        429: problemResponse('This address sent too many answers to this survey, or tried too many unknown links', retryAfter),
        500: problems[500],
        503: problems[503],
      },
    }),
    async (c) => {
      const v = await visitCustomerSurvey(deps, c.req.valid('param').token);
      const body = c.req.valid('json');
      if (answeredHere(c, v.survey.id)) throw new Conflict('This browser has already answered this survey. Thank you!', 'submitted');
      const wait = limits.answers.exhausted(c, v.survey.id);
      if (wait) {
        const err = new AppError(429, `Too many answers from this address; try again in ${wait} seconds.`);
        err.headers = { 'retry-after': String(wait) };
        throw err;
      }
      const { stored } = await submitCustomerAnswers(deps, v, body.answers, { trapped: Boolean(body.website) });
      if (stored) limits.answers.count(c, v.survey.id);
      markAnswered(c, v.survey.id, deps.config.publicUrl);
      return c.json({ status: 'received' }, 201);
    },
  );
  return r;
}
