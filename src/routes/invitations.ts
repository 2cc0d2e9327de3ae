import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { assessmentForCaller, requireWriter } from '../http/access.js';
import { anyJson, bearer, commonErrors, createRouter, userText, uuidParam } from '../http/router.js';
import { isClosed } from '../repositories/assessments.js';
import { recordAudit } from '../repositories/audit.js';
import { createInvitations, listInvitations } from '../repositories/invitations.js';

const MAX_PER_REQUEST = 5000;
const body = z.strictObject({
  invitations: z
    .array(
      z.strictObject({
        role: z.enum(['manager', 'staff']),
        department: userText(200).optional(),
        count: z.number().int().min(1).max(MAX_PER_REQUEST).default(1),
      }),
    )
    .min(1)
    .max(200),
});

export function invitationsRoutes(deps: AppDeps) {
  const { db, clock, config } = deps;
  const r = createRouter();
  const params = z.object({ id: uuidParam });

  r.openapi(
    createRoute({
      method: 'post', path: '/assessments/{id}/invitations', tags: ['Invitations'],
      summary: 'Create anonymous invitation links by role and department; tokens are shown only here', security: bearer,
      request: { params, body: { required: true, content: { 'application/json': { schema: body } } } },
      responses: { 201: anyJson('{invitations: [{id, token, url, role, department}]}'), 409: anyJson('Assessment closed'), ...commonErrors },
    }),
    async (c) => {
      const { user, assessment } = await assessmentForCaller(deps, c, c.req.valid('param').id);
      requireWriter(user);
      const now = clock();
      if (isClosed(assessment, now)) throw new AppError(409, 'This assessment is closed; no new invitations.');
      const requests = c.req.valid('json').invitations.map((i) => ({ role: i.role, department: i.department ?? null, count: i.count }));
      const total = requests.reduce((s, x) => s + x.count, 0);
      if (total > MAX_PER_REQUEST)
        throw new AppError(400, `At most ${MAX_PER_REQUEST} invitations per request.`, [{ path: 'invitations', message: `asks for ${total}` }]);
      const created = await createInvitations(db, assessment.id, requests, now);
      await recordAudit(db, user, { action: 'invitations.create', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id, details: { count: created.length } }, now);
      return c.json(
        {
          invitations: created.map((i) => ({ id: i.id, token: i.token, url: `${config.publicUrl}/r/${i.token}`, role: i.role, department: i.department })),
        },
        201,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/invitations', tags: ['Invitations'],
      summary: 'Invitation status (not started, in progress, submitted) — never answers', security: bearer,
      request: { params },
      responses: { 200: anyJson('{summary, invitations}'), ...commonErrors },
    }),
    async (c) => {
      const { assessment } = await assessmentForCaller(deps, c, c.req.valid('param').id);
      const rows = await listInvitations(db, assessment.id);
      const summary = { total: rows.length, not_started: 0, in_progress: 0, submitted: 0 };
      for (const row of rows) summary[row.status]++;
      return c.json(
        {
          summary: { total: summary.total, notStarted: summary.not_started, inProgress: summary.in_progress, submitted: summary.submitted },
          invitations: rows.map((i) => ({ id: i.id, role: i.role, department: i.department, status: i.status, createdAt: i.created_at, updatedAt: i.updated_at })),
        },
        200,
      );
    },
  );
  return r;
}
