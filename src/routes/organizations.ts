import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { requireRole, requireUser } from '../http/auth.js';
import { bearer, bearerErrors, createRouter, idString, jsonBodyErrors, jsonResponse, problemResponse, problems, userText, uuidParam } from '../http/router.js';
import { Assessment } from '../http/schemas/assessments.js';
import { Organization, OrganizationList, OrganizationWithAssessments } from '../http/schemas/organizations.js';
import { assessmentOut, organizationOut } from '../http/serialize.js';
import { countParticipation, listAssessments } from '../repositories/assessments.js';
import { startAssessment } from '../services/assessments.js';
import { recordAudit } from '../repositories/audit.js';
import { findOrganization, insertOrganization, listOrganizations } from '../repositories/organizations.js';

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

export function organizationsRoutes({ db, clock, questionnaires }: AppDeps) {
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
      const user = await requireUser(db, c);
      requireRole(user, 'consultant', 'admin');
      const b = c.req.valid('json');
      const org = await insertOrganization(
        db,
        { nameFa: b.name.fa, nameEn: b.name.en ?? null, sector: b.sector ?? null, headcount: b.headcount ?? null, createdBy: user.id },
        clock(),
      );
      await recordAudit(db, user, { action: 'organization.create', organizationId: org.id, targetType: 'organization', targetId: org.id }, clock());
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
      const user = await requireUser(db, c);
      return c.json({ organizations: (await listOrganizations(db, user)).map(organizationOut) }, 200);
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
      const user = await requireUser(db, c);
      const org = await findOrganization(db, user, c.req.valid('param').orgId);
      if (!org) throw notFound('Organization');
      const now = clock();
      const assessments = await Promise.all(
        (await listAssessments(db, org.id)).map(async (a) => assessmentOut(a, now, await countParticipation(db, a.id))),
      );
      return c.json({ ...organizationOut(org), assessments }, 200);
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
      const user = await requireUser(db, c);
      const org = await findOrganization(db, user, c.req.valid('param').orgId);
      if (!org) throw notFound('Organization');
      requireRole(user, 'consultant', 'admin');
      const b = c.req.valid('json');
      const q = questionnaires.get(b.questionnaireId, b.questionnaireVersion);
      if (!q)
        throw new AppError(422, 'No such questionnaire.', [
          { path: b.questionnaireVersion ? 'questionnaireVersion' : 'questionnaireId', message: `unknown questionnaire ${b.questionnaireId}${b.questionnaireVersion ? ` v${b.questionnaireVersion}` : ''}` },
        ]);
      const now = clock();
      if (b.closesAt && Date.parse(b.closesAt) <= now.getTime())
        throw new AppError(422, 'The closing date must be in the future.', [{ path: 'closesAt', message: 'must be in the future' }]);
      const a = await startAssessment(
        db, user, org, q,
        { title: b.title, anonymityThreshold: b.anonymityThreshold, targets: b.targets ?? {}, closesAt: b.closesAt ? new Date(b.closesAt) : null },
        now,
      );
      return c.json(assessmentOut(a, now, { invited: 0, submitted: 0, inProgress: 0 }), 201);
    },
  );
  return r;
}
