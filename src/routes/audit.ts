import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { requireRole, requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, idString, jsonResponse, problemResponse } from '../http/router.js';
import { AuditLog } from '../http/schemas/audit.js';
import { listAudit } from '../repositories/audit.js';
import { findOrganization } from '../repositories/organizations.js';

export function auditRoutes({ db }: AppDeps) {
  const r = createRouter();
  r.openapi(
    createRoute({
      method: 'get', path: '/audit', tags: ['Audit'],
      summary: 'Who created, closed, imported, exported and downloaded what (admin: everything; consultant: one organization)', security: bearer,
      operationId: 'listAuditEvents',
      request: {
        query: z.object({
          organizationId: idString.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          before: z.iso.datetime().optional().openapi({ description: 'Page backwards: events strictly before this time' }),
        }),
      },
      responses: {
        200: jsonResponse(AuditLog, 'The events, newest first'),
        ...commonErrors,
        400: problemResponse('Invalid query, or a consultant without organizationId'),
        403: problemResponse('Managers cannot read the audit log'),
        404: problemResponse('The organization is not visible to this consultant'),
      },
    }),
    async (c) => {
      const user = await requireUser(db, c);
      requireRole(user, 'admin', 'consultant');
      const query = c.req.valid('query');
      if (user.role === 'consultant') {
        if (!query.organizationId)
          throw new AppError(400, 'Consultants read the audit log of one organization at a time.', [{ path: 'query.organizationId', message: 'required' }]);
        if (!(await findOrganization(db, user, query.organizationId))) throw notFound('Organization');
      }
      const events = await listAudit(db, query);
      return c.json(
        {
          events: events.map((e) => ({
            id: e.id, at: e.at, actor: { id: e.actor_id, role: e.actor_role }, action: e.action, organizationId: e.organization_id,
            target: { type: e.target_type, id: e.target_id }, details: e.details ? JSON.parse(e.details) : null,
          })),
        },
        200,
      );
    },
  );
  return r;
}
