import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../http/auth.js';
import { bearer, bearerErrors, createRouter, idString, jsonBodyErrors, jsonResponse, problemResponse, problems, userText, uuidParam } from '../http/router.js';
import { Assessment } from '../http/schemas/assessments.js';
import { Organization, OrganizationList, OrganizationWithAssessments } from '../http/schemas/organizations.js';
import { assessmentOut, organizationOut } from '../http/serialize.js';
import { startAssessment } from '../services/assessments.js';
import { createOrganization, organizationsFor, organizationWithAssessments } from '../services/organizations.js';
import { deleteOrganization, editOrganization } from '../services/organizations.js';
import { commonErrors } from '../http/router.js';

const createOrganizationBody = z.strictObject({
  name: z.strictObject({ fa: userText(300), en: userText(300).optional() }),
  sector: userText(200).optional(),
  headcount: z.number().int().min(1).max(10_000_000).optional().openapi({ description: 'Used for the finite-population correction' }),
});

const score = z.number().min(0).max(100);
const createAssessmentBody = z.strictObject({
  title: userText(300),
  questionnaireId: idString,
  questionnaireVersion: z.number().int().positive().optional().openapi({ description: 'Defaults to the newest version' }),
  anonymityThreshold: z.number().int().min(2).max(100).default(5),
  targets: z.strictObject({ culture: score.optional(), process: score.optional(), interaction: score.optional() }).optional(),
  closesAt: z.iso.datetime({ offset: true }).optional(),
});

export function organizationsRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  const r = createRouter();
  const orgParams = z.object({ orgId: uuidParam });

  r.openapi(
    createRoute({
      method: 'post', path: '/organizations', tags: ['Organizations'], summary: 'Create an organization (consultant, admin)', security: bearer,
      operationId: 'createOrganization',
      request: { body: { required: true, content: { 'application/json': { schema: createOrganizationBody } } } },
      responses: { 201: jsonResponse(Organization, 'The organization'), ...jsonBodyErrors, ...bearerErrors, 403: problemResponse('Managers cannot create organizations') },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const org = await createOrganization(deps, await requireUser(db, c), { nameFa: b.name.fa, nameEn: b.name.en ?? null, sector: b.sector ?? null, headcount: b.headcount ?? null });
      return c.json(organizationOut(org), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/organizations', tags: ['Organizations'], summary: 'Organizations visible to the caller', security: bearer,
      operationId: 'listOrganizations',
      responses: { 200: jsonResponse(OrganizationList, 'The organizations'), ...bearerErrors },
    }),
    async (c) => {
      return c.json({ organizations: (await organizationsFor(deps, await requireUser(db, c))).map(organizationOut) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/organizations/{orgId}', tags: ['Organizations'], summary: 'One organization with its assessments', security: bearer,
      operationId: 'getOrganization',
      request: { params: orgParams },
      responses: { 200: jsonResponse(OrganizationWithAssessments, 'The organization'), 400: problems[400], ...bearerErrors, 404: problems[404] },
    }),
    async (c) => {
      const { org, assessments } = await organizationWithAssessments(deps, await requireUser(db, c), c.req.valid('param').orgId);
      const now = clock();
      return c.json({ ...organizationOut(org), assessments: assessments.map(({ assessment, participation }) => assessmentOut(assessment, now, participation)) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/organizations/{orgId}/assessments', tags: ['Assessments'], summary: 'Start an assessment', security: bearer,
      operationId: 'createAssessment',
      request: { params: orgParams, body: { required: true, content: { 'application/json': { schema: createAssessmentBody } } } },
      responses: {
        201: jsonResponse(Assessment, 'The assessment'),
        ...jsonBodyErrors,
        ...bearerErrors,
        403: problemResponse('Managers cannot start assessments'),
        404: problems[404],
        422: problemResponse('Unknown questionnaire or version, or a closing date in the past'),
      },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const a = await startAssessment(deps, await requireUser(db, c), c.req.valid('param').orgId, {
        title: b.title, questionnaireId: b.questionnaireId, questionnaireVersion: b.questionnaireVersion, anonymityThreshold: b.anonymityThreshold,
        targets: b.targets ?? {}, closesAt: b.closesAt ? new Date(b.closesAt) : null,
      });
      return c.json(assessmentOut(a, clock(), { invited: 0, submitted: 0, inProgress: 0 }), 201);
    },
  );
  r.openapi(
    createRoute({
      method: 'patch', path: '/organizations/{orgId}', tags: ['Organizations'], summary: 'Edit an organization (consultant, admin); fields left out stay, null clears', security: bearer,
      operationId: 'updateOrganization',
      request: {
        params: orgParams,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.strictObject({
                name: z.strictObject({ fa: userText(300).optional(), en: userText(300).nullable().optional() }).optional(),
                sector: userText(200).nullable().optional(),
                headcount: z.number().int().min(1).max(10_000_000).nullable().optional(),
              }),
            },
          },
        },
      },
      responses: { 200: jsonResponse(Organization, 'The organization as changed'), ...jsonBodyErrors, ...bearerErrors, 403: problemResponse('Managers have read-only access'), 404: problems[404] },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const org = await editOrganization(deps, await requireUser(db, c), c.req.valid('param').orgId, { nameFa: b.name?.fa, nameEn: b.name?.en, sector: b.sector, headcount: b.headcount });
      return c.json(organizationOut(org), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete', path: '/organizations/{orgId}', tags: ['Organizations'], summary: 'Delete an organization with its assessments, links and responses', security: bearer,
      description: 'Once any of its assessments has a submitted response, `confirm` must be the organization\'s Persian or English name (422 otherwise). The audit log keeps the deletion.',
      operationId: 'deleteOrganization',
      request: { params: orgParams, query: z.object({ confirm: z.string().max(600).optional().openapi({ description: 'The organization\'s name, needed once responses exist' }) }) },
      responses: {
        204: { description: 'Deleted' },
        ...commonErrors,
        403: problemResponse('Managers have read-only access'),
        422: problemResponse('Responses exist and `confirm` is not the organization\'s name'),
      },
    }),
    async (c) => {
      await deleteOrganization(deps, await requireUser(db, c), c.req.valid('param').orgId, c.req.valid('query').confirm);
      return c.body(null, 204);
    },
  );
  return r;
}
