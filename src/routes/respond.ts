import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { AppError, notFound, zodFieldErrors } from '../errors.js';
import { questionnaireOf } from '../http/access.js';
import { createRouter, jsonBodyErrors, jsonResponse, linkErrors, problemResponse, problems } from '../http/router.js';
import { DraftAnswers as draftBody, RespondentForm, SavedDraft, SubmitAnswers as submitBody, Submission } from '../http/schemas/respond.js';
import { isClosed } from '../repositories/assessments.js';
import { findInvitationByToken } from '../repositories/invitations.js';
import { mergeDraft, readDraft, submitDraft } from '../repositories/responses.js';
import { checkAnswers, checkComments } from '../questionnaire/answers.js';
import { localizeQuestionnaire } from '../questionnaire/localize.js';

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
  const { db, clock } = deps;
  const r = createRouter();
  r.openAPIRegistry.register('SubmitAnswers', submitBody);

  async function load(token: string) {
    const invitation = await findInvitationByToken(db, token);
    if (!invitation) throw notFound('Invitation');
    const assessment = await db.selectFrom('assessments').selectAll().where('id', '=', invitation.assessment_id).executeTakeFirstOrThrow();
    return { invitation, assessment, questionnaire: questionnaireOf(deps, assessment).definition };
  }

  r.openapi(
    createRoute({
      method: 'get', path: '/respond/{token}', tags: ['Respondents'], summary: 'The questionnaire in one language, the saved draft and the status',
      operationId: 'getRespondentForm',
      security: linkOnly,
      request: { params: tokenParams, query: z.object({ lang: z.enum(['fa', 'en']).default('fa') }) },
      responses: { 200: jsonResponse(RespondentForm, 'Questionnaire, draft and status'), 400: problems[400], ...linkErrors },
    }),
    async (c) => {
      const { invitation, assessment, questionnaire } = await load(c.req.valid('param').token);
      const lang = c.req.valid('query').lang;
      const org = await db.selectFrom('organizations').select(['name_fa', 'name_en']).where('id', '=', assessment.organization_id).executeTakeFirstOrThrow();
      const draft = invitation.status === 'submitted' ? { answers: {}, comments: {} } : readDraft(invitation);
      return c.json(
        {
          status: invitation.status,
          responseId: invitation.response_id,
          assessment: {
            title: assessment.title,
            organization: lang === 'en' ? (org.name_en ?? org.name_fa) : org.name_fa,
            open: !isClosed(assessment, clock()),
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
      const { invitation, assessment, questionnaire } = await load(c.req.valid('param').token);
      const body = c.req.valid('json');
      const errors = [...checkAnswers(questionnaire, body.answers, 'answers'), ...checkComments(questionnaire, body.comments ?? {}, 'comments')];
      if (errors.length) throw new AppError(422, 'Some answers do not fit the questionnaire; nothing was saved.', errors);
      if (invitation.status === 'submitted') throw new AppError(409, 'This questionnaire was already submitted; answers can no longer change.');
      const now = clock();
      if (isClosed(assessment, now)) throw new AppError(409, 'This assessment is closed; answers are no longer accepted.');
      const outcome = await deps.writes.run((trx) => mergeDraft(trx, invitation.id, body.answers, body.comments ?? {}, now));
      if (outcome.kind === 'submitted') throw new AppError(409, 'This questionnaire was already submitted; answers can no longer change.');
      return c.json(
        { status: 'in_progress', answered: Object.keys(outcome.answers).length, total: questionnaire.items.length, draft: { answers: outcome.answers, comments: outcome.comments } },
        200,
      );
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
      const { invitation, assessment, questionnaire } = await load(c.req.valid('param').token);
      const body = await optionalSubmitBody(c.req.raw);
      const errors = [...checkAnswers(questionnaire, body.answers ?? {}, 'answers'), ...checkComments(questionnaire, body.comments ?? {}, 'comments')];
      if (errors.length) throw new AppError(422, 'Some answers do not fit the questionnaire; nothing was saved.', errors);
      const now = clock();
      if (invitation.response_id) return c.json({ status: 'submitted', responseId: invitation.response_id }, 200);
      if (isClosed(assessment, now)) throw new AppError(409, 'This assessment is closed; submissions are no longer accepted.');
      const last = body.answers || body.comments ? { answers: body.answers ?? {}, comments: body.comments ?? {} } : null;
      const outcome = await deps.writes.run((trx) => submitDraft(trx, invitation.id, questionnaire, now, last ?? undefined));
      if (outcome.kind === 'empty')
        throw new AppError(422, 'Answer at least one question before submitting.', [{ path: 'answers', message: 'no answers saved yet' }]);
      return c.json({ status: 'submitted', responseId: outcome.responseId }, 200);
    },
  );
  return r;
}
