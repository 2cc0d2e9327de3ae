import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { AppError, zodFieldErrors } from '../httpErrors.js';
import { createRouter, jsonBodyErrors, jsonResponse, linkErrors, problemResponse, problems } from '../http/router.js';
import { DraftAnswers as draftBody, RespondentForm, SavedDraft, SubmitAnswers as submitBody, Submission } from '../http/schemas/respond.js';
import { localizeQuestionnaire } from '../questionnaire/localize.js';
import { findLink, saveAnswers, submitAnswers, visitLink } from '../services/respondents.js';

const tokenParams = z.object({ token: z.string().max(200).openapi({ param: { in: 'path' } }) });
/** No header credential: the invitation token in the path is the credential. */
const linkOnly: [] = [];

/**
 * Submit's body is optional, and clients often send `content-type: application/json` with no body at all;
 * the route validator would call that malformed, so it is read here.
 */
async function optionalSubmitBody(req: Request): Promise<z.infer<typeof submitBody>> {
  const text = (await req.text()).trim();
  if (!text) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(400, 'The body is not valid JSON.');
  }
  const parsed = submitBody.safeParse(json);
  if (!parsed.success) throw new AppError(400, 'The request is not valid; see errors for each field.', zodFieldErrors(parsed.error));
  return parsed.data;
}

/** Respondent routes: the invitation token is the only credential, so nothing here reveals other answers. */
export function respondRoutes(deps: AppDeps) {
  const r = createRouter();
  r.openAPIRegistry.register('SubmitAnswers', submitBody);

  r.openapi(
    createRoute({
      method: 'get', path: '/respond/{token}', tags: ['Respondents'], summary: 'The questionnaire in one language, the saved draft and the status',
      operationId: 'getRespondentForm',
      security: linkOnly,
      request: { params: tokenParams, query: z.object({ lang: z.enum(['fa', 'en']).default('fa') }) },
      responses: { 200: jsonResponse(RespondentForm, 'Questionnaire, draft and status'), 400: problems[400], ...linkErrors },
    }),
    async (c) => {
      const { invitation, assessment, questionnaire, organization: org, closed, draft } = await visitLink(deps, c.req.valid('param').token);
      const lang = c.req.valid('query').lang;
      return c.json(
        {
          status: invitation.status,
          responseId: invitation.response_id,
          assessment: {
            title: assessment.title,
            organization: lang === 'en' ? (org.name_en ?? org.name_fa) : org.name_fa,
            open: !closed,
            closesAt: assessment.closes_at,
          },
          role: invitation.role,
          department: invitation.department,
          questionnaire: localizeQuestionnaire(questionnaire, lang),
          draft,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'put', path: '/respond/{token}/answers', tags: ['Respondents'], summary: 'Merge answers (and section comments) into the saved draft',
      operationId: 'saveAnswers',
      security: linkOnly,
      request: { params: tokenParams, body: { required: true, content: { 'application/json': { schema: draftBody } } } },
      responses: {
        200: jsonResponse(SavedDraft, 'The merged draft'),
        ...jsonBodyErrors,
        ...linkErrors,
        409: problemResponse('The assessment is closed, or this link already submitted'),
        422: problemResponse('An unknown item or section, or a value off the scale; nothing was saved'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const saved = await saveAnswers(deps, c.req.valid('param').token, body.answers, body.comments);
      return c.json({ status: 'in_progress', answered: saved.answered, total: saved.total, draft: { answers: saved.answers, comments: saved.comments } }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/respond/{token}/submit', tags: ['Respondents'],
      summary: 'Submit the draft (optionally merging final answers in the same step); submitting again returns the same responseId',
      description: 'The body is optional: `{answers?, comments?}` as for PUT …/answers, merged before submitting, atomically. An empty body submits the saved draft.',
      operationId: 'submitResponse',
      security: linkOnly,
      request: {
        params: tokenParams,
        // Documented by reference only: a zod schema here would make the route validator refuse the empty
        // body this route accepts; optionalSubmitBody checks it with the same schema instead.
        body: { required: false, content: { 'application/json': { schema: { $ref: '#/components/schemas/SubmitAnswers' } } } },
      },
      responses: {
        200: jsonResponse(Submission, 'Submitted'),
        400: problems[400],
        408: problems[408],
        413: problems[413],
        ...linkErrors,
        409: problemResponse('The assessment is closed'),
        422: problemResponse('An unknown item or section, a value off the scale, or nothing answered at all; nothing was saved'),
      },
    }),
    async (c) => {
      // The link first: an unknown link is 404 whatever the body.
      const link = await findLink(deps, c.req.valid('param').token);
      const responseId = await submitAnswers(deps, link, await optionalSubmitBody(c.req.raw));
      return c.json({ status: 'submitted', responseId }, 200);
    },
  );
  return r;
}
